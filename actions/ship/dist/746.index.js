export const id = 746;
export const ids = [746];
export const modules = {

/***/ 4760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GZ: () => (/* binding */ quotaDefinition),
/* harmony export */   Ru: () => (/* binding */ quotaConsoleUrl),
/* harmony export */   eg: () => (/* binding */ QUOTAS),
/* harmony export */   qn: () => (/* binding */ instanceClassQuota),
/* harmony export */   sw: () => (/* binding */ findQuotaByCode)
/* harmony export */ });
/**
 * The quotas hoist tracks: Service Quotas service and quota codes, names, and the AWS default values used only when
 * neither GetServiceQuota nor GetAWSDefaultServiceQuota answers. Facts, with their sources:
 * - VPC quotas: Amazon VPC User Guide, "Amazon VPC quotas" (docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html);
 *   the codes and defaults are also those moto 5.2.1 serves for ListAWSDefaultServiceQuotas(vpc).
 * - EC2 On-Demand vCPU quotas per instance family class and Elastic IPs: Amazon EC2 User Guide, "Amazon EC2 service
 *   quotas" (docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-quotas.html) and the AWS CLI reference
 *   example of get-aws-default-service-quota (ec2, L-1216C47A, Value 5.0).
 * - Fargate: Amazon ECS Developer Guide, "AWS Fargate service quotas"
 *   (docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html). New accounts often get a lower
 *   applied value than the default (6 vCPUs is common) — which is why the applied value is read first.
 * - Auto Scaling groups: Amazon EC2 Auto Scaling User Guide, "Quotas for Amazon EC2 Auto Scaling".
 * - ECS clusters and services per cluster: Amazon ECS Developer Guide, "Amazon ECS service quotas" (Clusters 10,000 per
 *   Region, Services per cluster 5,000, both adjustable); the codes are those Service Quotas gives for `ecs`.
 * docs/actions/quota-check-quotas.md renders this table for users.
 */
const VPC_GUIDE = 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html';
const EC2_GUIDE = 'https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-quotas.html';
const EIP_GUIDE = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html#using-instance-addressing-limit';
const FARGATE_GUIDE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html';
const ASG_GUIDE = 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-quotas.html';
const ECS_GUIDE = FARGATE_GUIDE;
const ec2Vcpus = (key, quotaCode, classes) => ({
    key,
    serviceCode: 'ec2',
    quotaCode,
    name: `Running On-Demand ${classes} instances`,
    defaultValue: key === 'ec2-standard-vcpus' ? 5 : 0,
    unit: 'vCPUs',
    reclaim: `stop or terminate unused ${classes} instances`,
    scope: 'region',
    source: EC2_GUIDE,
});
const QUOTAS = [
    {
        key: 'vpcs',
        serviceCode: 'vpc',
        quotaCode: 'L-F678F1CE',
        name: 'VPCs per Region',
        defaultValue: 5,
        unit: 'VPCs',
        reclaim: 'delete unused VPCs',
        scope: 'region',
        source: VPC_GUIDE,
    },
    {
        key: 'internet-gateways',
        serviceCode: 'vpc',
        quotaCode: 'L-A4707A72',
        name: 'Internet gateways per Region',
        defaultValue: 5,
        unit: 'internet gateways',
        reclaim: 'delete unused internet gateways (detached ones first)',
        scope: 'region',
        source: VPC_GUIDE,
    },
    {
        key: 'nat-gateways',
        serviceCode: 'vpc',
        quotaCode: 'L-FE5A380F',
        name: 'NAT gateways per Availability Zone',
        defaultValue: 5,
        unit: 'NAT gateways',
        reclaim: 'delete unused NAT gateways',
        scope: 'availability-zone',
        source: VPC_GUIDE,
    },
    {
        key: 'elastic-ips',
        serviceCode: 'ec2',
        quotaCode: 'L-0263D0A3',
        name: 'EC2-VPC Elastic IPs',
        defaultValue: 5,
        unit: 'Elastic IPs',
        reclaim: 'release unassociated Elastic IPs',
        scope: 'region',
        source: EIP_GUIDE,
    },
    {
        key: 'security-groups',
        serviceCode: 'vpc',
        quotaCode: 'L-E79EC296',
        name: 'VPC security groups per Region',
        defaultValue: 2500,
        unit: 'security groups',
        reclaim: 'delete unused security groups',
        scope: 'region',
        source: VPC_GUIDE,
    },
    {
        key: 'auto-scaling-groups',
        serviceCode: 'autoscaling',
        quotaCode: 'L-CDE20ADC',
        name: 'Auto Scaling groups per region',
        defaultValue: 500,
        unit: 'Auto Scaling groups',
        reclaim: 'delete unused Auto Scaling groups',
        scope: 'region',
        source: ASG_GUIDE,
    },
    ec2Vcpus('ec2-standard-vcpus', 'L-1216C47A', 'Standard (A, C, D, H, I, M, R, T, Z)'),
    ec2Vcpus('ec2-g-vt-vcpus', 'L-DB2E81BA', 'G and VT'),
    ec2Vcpus('ec2-p-vcpus', 'L-417A185B', 'P'),
    ec2Vcpus('ec2-x-vcpus', 'L-7295265B', 'X'),
    ec2Vcpus('ec2-f-vcpus', 'L-74FC7D96', 'F'),
    ec2Vcpus('ec2-inf-vcpus', 'L-1945791B', 'Inf'),
    ec2Vcpus('ec2-trn-vcpus', 'L-2C3B7624', 'Trn'),
    ec2Vcpus('ec2-dl-vcpus', 'L-6E869C2A', 'DL'),
    ec2Vcpus('ec2-hpc-vcpus', 'L-F7808C92', 'HPC'),
    {
        key: 'fargate-on-demand-vcpus',
        serviceCode: 'fargate',
        quotaCode: 'L-3032A538',
        name: 'Fargate On-Demand vCPU resource count',
        defaultValue: 4000,
        unit: 'vCPUs',
        reclaim: 'scale down or stop unused Fargate tasks',
        scope: 'region',
        source: FARGATE_GUIDE,
    },
    {
        key: 'fargate-spot-vcpus',
        serviceCode: 'fargate',
        quotaCode: 'L-36FBB829',
        name: 'Fargate Spot vCPU resource count',
        defaultValue: 4000,
        unit: 'vCPUs',
        reclaim: 'scale down or stop unused Fargate Spot tasks',
        scope: 'region',
        source: FARGATE_GUIDE,
    },
    {
        key: 'ecs-clusters',
        serviceCode: 'ecs',
        quotaCode: 'L-21C621EB',
        name: 'Clusters per account',
        defaultValue: 10000,
        unit: 'clusters',
        reclaim: 'delete unused ECS clusters',
        scope: 'region',
        source: ECS_GUIDE,
    },
    {
        key: 'ecs-services-per-cluster',
        serviceCode: 'ecs',
        quotaCode: 'L-9EF96962',
        name: 'Services per cluster',
        defaultValue: 5000,
        unit: 'services',
        reclaim: 'delete unused services from the cluster',
        scope: 'cluster',
        source: ECS_GUIDE,
    },
    // No probe of hoist's own (listing every log group or secret of a Region can take thousands of calls): their usage
    // comes from the CloudWatch AWS/Usage metric Service Quotas names for them.
    {
        key: 'log-groups',
        serviceCode: 'logs',
        quotaCode: 'L-C7B9AAAB',
        name: 'Log groups',
        defaultValue: 1_000_000,
        unit: 'log groups',
        reclaim: 'delete unused log groups',
        scope: 'region',
        source: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html',
        usageFromMetric: true,
    },
    {
        key: 'secrets',
        serviceCode: 'secretsmanager',
        quotaCode: 'L-2F66C23C',
        name: 'Secrets per Region',
        defaultValue: 500_000,
        unit: 'secrets',
        reclaim: 'delete unused secrets',
        scope: 'region',
        source: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_limits.html',
        usageFromMetric: true,
    },
];
function quotaDefinition(key) {
    const found = QUOTAS.find((q) => q.key === key);
    if (!found)
        throw new Error(`unknown quota ${key}`);
    return found;
}
function findQuotaByCode(serviceCode, quotaCode) {
    return QUOTAS.find((q) => q.serviceCode === serviceCode && q.quotaCode === quotaCode);
}
/**
 * The On-Demand vCPU quota an instance type counts against, from its family's letters (`g5.xlarge` → G and VT,
 * `p4d.24xlarge` → P, `m7i.large` → Standard). Unknown families count as Standard (the broadest quota).
 */
function instanceClassQuota(instanceType) {
    const family = /^([a-z]+)/.exec(instanceType.toLowerCase())?.[1] ?? '';
    if (family === 'g' || family === 'vt')
        return 'ec2-g-vt-vcpus';
    if (family === 'p')
        return 'ec2-p-vcpus';
    if (family === 'x')
        return 'ec2-x-vcpus';
    if (family === 'f')
        return 'ec2-f-vcpus';
    if (family === 'inf')
        return 'ec2-inf-vcpus';
    if (family === 'trn')
        return 'ec2-trn-vcpus';
    if (family === 'dl')
        return 'ec2-dl-vcpus';
    if (family === 'hpc')
        return 'ec2-hpc-vcpus';
    return 'ec2-standard-vcpus';
}
/** The Service Quotas console page of a quota, where an increase is requested. */
function quotaConsoleUrl(q, region) {
    return `https://${region}.console.aws.amazon.com/servicequotas/home/services/${q.serviceCode}/quotas/${q.quotaCode}`;
}


/***/ }),

/***/ 3832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F9: () => (/* binding */ evaluateCondition),
/* harmony export */   HV: () => (/* binding */ UNKNOWN),
/* harmony export */   Je: () => (/* binding */ stringOf),
/* harmony export */   _3: () => (/* binding */ evaluate),
/* harmony export */   cP: () => (/* binding */ integerOf)
/* harmony export */ });
/* harmony import */ var _hoist_cfn__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2506);

/** A value that cannot be known before the deploy (a GetAtt, an unresolved parameter): counted conservatively. */
const UNKNOWN = Symbol('unknown');
/**
 * The value a node will have at deploy time, as far as it can be known without AWS: Ref to parameters and pseudo
 * parameters, Fn::If with its condition, Fn::FindInMap, Fn::Select, Fn::Join, Fn::Sub, Fn::Split. Anything else
 * (GetAtt, Ref to a resource, GetAZs) is UNKNOWN.
 */
function evaluate(node, context) {
    if (node === undefined)
        return null;
    const fn = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.intrinsic)(node);
    if (fn)
        return evaluateFunction(fn.name, fn.arg, context);
    if (node.kind === 'scalar')
        return node.value;
    if (node.kind === 'seq')
        return node.items.map((item) => evaluate(item, context));
    const out = {};
    for (const e of node.entries)
        out[e.key] = evaluate(e.value, context);
    return out;
}
function evaluateFunction(name, arg, context) {
    const args = arg.kind === 'seq' ? arg.items : [];
    switch (name) {
        case 'Ref':
            return ref((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.text)(arg), context);
        case 'Fn::If': {
            const condition = evaluateCondition((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.text)(args[0]), context);
            if (condition === UNKNOWN)
                return UNKNOWN;
            return evaluate(condition ? args[1] : args[2], context);
        }
        case 'Fn::FindInMap': {
            const [map, top, second] = args.map((a) => evaluate(a, context));
            if (typeof map !== 'string' || top === undefined || second === undefined || !isKey(top) || !isKey(second))
                return UNKNOWN;
            const plain = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.toPlain)(context.template.mappings.get(map)?.value);
            const found = plain?.[String(top)]?.[String(second)];
            return found === undefined ? UNKNOWN : found;
        }
        case 'Fn::Select': {
            const index = evaluate(args[0], context);
            const list = evaluate(args[1], context);
            if (!isKey(index) || !Array.isArray(list))
                return UNKNOWN;
            return list[Number(index)] ?? UNKNOWN;
        }
        case 'Fn::Join': {
            const separator = evaluate(args[0], context);
            const list = evaluate(args[1], context);
            if (typeof separator !== 'string' || !Array.isArray(list) || list.some((v) => !isKey(v)))
                return UNKNOWN;
            return list.map(String).join(separator);
        }
        case 'Fn::Split': {
            const separator = evaluate(args[0], context);
            const source = evaluate(args[1], context);
            if (typeof separator !== 'string' || typeof source !== 'string')
                return UNKNOWN;
            return source.split(separator);
        }
        case 'Fn::Sub':
            return sub(arg, context);
        default:
            return UNKNOWN;
    }
}
function isKey(v) {
    return typeof v === 'string' || typeof v === 'number';
}
const PSEUDO = {
    'AWS::Region': (c) => c.region,
    'AWS::StackName': (c) => c.stackName ?? UNKNOWN,
    'AWS::NoValue': () => null,
    'AWS::Partition': (c) => c.region.startsWith('cn-') ? 'aws-cn' : c.region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws',
    'AWS::URLSuffix': (c) => (c.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'),
};
function ref(name, context) {
    if (name === undefined)
        return UNKNOWN;
    const pseudo = PSEUDO[name];
    if (pseudo)
        return pseudo(context);
    const parameter = context.template.parameters.get(name);
    if (!parameter)
        return UNKNOWN;
    const value = context.parameters[name];
    if (value === undefined)
        return UNKNOWN;
    return parameter.type === 'CommaDelimitedList' || parameter.type?.startsWith('List<')
        ? value.split(',').map((v) => v.trim())
        : value;
}
function sub(arg, context) {
    const [body, vars] = arg.kind === 'seq' ? [arg.items[0], arg.items[1]] : [arg, undefined];
    const template = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.text)(body);
    if (template === undefined)
        return UNKNOWN;
    const locals = vars?.kind === 'map' ? Object.fromEntries(vars.entries.map((e) => [e.key, evaluate(e.value, context)])) : {};
    let unknown = false;
    const result = template.replace(/\$\{([^}]*)\}/g, (whole, raw) => {
        const name = raw.trim();
        if (name.startsWith('!'))
            return `\${${name.slice(1)}}`;
        const value = name in locals ? locals[name] : name.includes('.') ? UNKNOWN : ref(name, context);
        if (!isKey(value)) {
            unknown = true;
            return whole;
        }
        return String(value);
    });
    return unknown ? UNKNOWN : result;
}
/** A named condition's value: true, false or UNKNOWN. Cycles are UNKNOWN. */
function evaluateCondition(name, context, seen = new Set()) {
    if (name === undefined || seen.has(name))
        return UNKNOWN;
    const node = context.template.conditions.get(name)?.value;
    if (!node)
        return UNKNOWN;
    return conditionValue(node, context, new Set([...seen, name]));
}
function conditionValue(node, context, seen) {
    const fn = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.intrinsic)(node);
    if (!fn)
        return UNKNOWN;
    const args = fn.arg.kind === 'seq' ? fn.arg.items : [];
    switch (fn.name) {
        case 'Condition':
            return evaluateCondition((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.text)(fn.arg), context, seen);
        case 'Fn::Equals': {
            const [a, b] = args.map((x) => evaluate(x, context));
            if (a === UNKNOWN || b === UNKNOWN || a === undefined || b === undefined)
                return UNKNOWN;
            return JSON.stringify(plainText(a)) === JSON.stringify(plainText(b));
        }
        case 'Fn::Not': {
            const v = args[0] ? conditionValue(args[0], context, seen) : UNKNOWN;
            return v === UNKNOWN ? UNKNOWN : !v;
        }
        case 'Fn::And':
        case 'Fn::Or': {
            const values = args.map((a) => conditionValue(a, context, seen));
            const decisive = fn.name === 'Fn::And' ? false : true;
            if (values.includes(decisive))
                return decisive;
            return values.includes(UNKNOWN) ? UNKNOWN : !decisive;
        }
        default:
            return UNKNOWN;
    }
}
/** CloudFormation compares strings: `2` equals `"2"`. */
function plainText(v) {
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    if (Array.isArray(v))
        return v.map(plainText);
    return v;
}
/** A whole number from a value (`"3"`, 3), or undefined. */
function integerOf(v) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    return Number.isInteger(n) && n >= 0 ? n : undefined;
}
function stringOf(v) {
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}


/***/ }),

/***/ 4746:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_INSTANCE_TYPE: () => (/* reexport */ src_needs/* DEFAULT_INSTANCE_TYPE */.lo),
  DEFAULT_MAXIMUM_PERCENT: () => (/* reexport */ src_needs/* DEFAULT_MAXIMUM_PERCENT */.f7),
  DEFAULT_MAX_BATCH_SIZE: () => (/* reexport */ src_needs/* DEFAULT_MAX_BATCH_SIZE */.M$),
  QUOTAS: () => (/* reexport */ catalog/* QUOTAS */.eg),
  UNKNOWN: () => (/* reexport */ evaluate/* UNKNOWN */.HV),
  addInstanceNeeds: () => (/* reexport */ src_needs/* addInstanceNeeds */.Qj),
  addNeed: () => (/* reexport */ src_needs/* addNeed */.a8),
  auditQuotas: () => (/* reexport */ auditQuotas),
  checkTemplateQuotas: () => (/* reexport */ checkTemplateQuotas),
  clusterName: () => (/* reexport */ src_needs/* clusterName */.SL),
  computeNeeds: () => (/* reexport */ src_needs/* computeNeeds */.JD),
  evaluate: () => (/* reexport */ evaluate/* evaluate */._3),
  evaluateCondition: () => (/* reexport */ evaluate/* evaluateCondition */.F9),
  fallbackFinding: () => (/* reexport */ fallbackFinding),
  findQuotaByCode: () => (/* reexport */ catalog/* findQuotaByCode */.sw),
  instanceClassQuota: () => (/* reexport */ catalog/* instanceClassQuota */.qn),
  integerOf: () => (/* reexport */ evaluate/* integerOf */.cP),
  percentOf: () => (/* reexport */ percentOf),
  quotaConsoleUrl: () => (/* reexport */ catalog/* quotaConsoleUrl */.Ru),
  quotaDefinition: () => (/* reexport */ catalog/* quotaDefinition */.GZ),
  renderQuotaTable: () => (/* reexport */ renderQuotaTable),
  rowFinding: () => (/* reexport */ rowFinding),
  splitTasks: () => (/* reexport */ src_needs/* splitTasks */.R9),
  stringOf: () => (/* reexport */ evaluate/* stringOf */.Je),
  taskVcpus: () => (/* reexport */ src_needs/* taskVcpus */.zl),
  verdictOf: () => (/* reexport */ verdictOf),
  worstScope: () => (/* reexport */ scope.worstScope)
});

// EXTERNAL MODULE: ./packages/quotas/src/catalog.ts
var catalog = __webpack_require__(4760);
// EXTERNAL MODULE: ./packages/quotas/src/evaluate.ts
var evaluate = __webpack_require__(3832);
// EXTERNAL MODULE: ./packages/quotas/src/needs.ts
var src_needs = __webpack_require__(602);
// EXTERNAL MODULE: ./packages/kit/src/index.ts + 30 modules
var src = __webpack_require__(9558);
;// CONCATENATED MODULE: ./packages/quotas/src/report.ts


/**
 * PASS when usage + need fits and stays at or below `threshold` percent; WARN above the threshold; FAIL above the
 * quota. SKIP when the quota or the usage is unknown.
 */
function verdictOf(quota, usage, need, threshold) {
    if (quota === undefined || usage === undefined)
        return 'skip';
    const total = usage + need;
    if (total > quota)
        return 'fail';
    if (quota === 0)
        return 'pass';
    return (total / quota) * 100 > threshold ? 'warn' : 'pass';
}
function percentOf(quota, usage, need) {
    if (quota === undefined || usage === undefined)
        return undefined;
    if (quota === 0)
        return usage + need === 0 ? 0 : Infinity;
    return Math.round(((usage + need) / quota) * 1000) / 10;
}
function n(value) {
    return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
}
/** The finding for one row: what is used, what the deploy adds, and for a FAIL the exact fix. */
function rowFinding(row, threshold, mode) {
    const check = `${row.serviceCode}/${row.quotaCode}`;
    const title = `${row.name} (${check})`;
    const where = `in ${row.region}${row.scope ? `, ${row.scope}` : ''}`;
    if (row.verdict === 'skip') {
        const why = row.quota === undefined
            ? 'the quota value could not be read'
            : `hoist does not measure its usage${row.usageMetric
                ? ` (Service Quotas names its usage metric: ${row.usageMetric}; ${(row.note ?? 'it could not be read').replace(/\.$/, '')})`
                : row.note
                    ? ` (${row.note.replace(/\.$/, '')})`
                    : ''}`;
        return {
            check,
            status: 'skip',
            message: `${title} ${where}: ${why}${row.quota !== undefined ? ` (quota ${n(row.quota)})` : ''}.`,
        };
    }
    const quota = row.quota ?? 0;
    const usage = row.usage ?? 0;
    const total = usage + row.need;
    const added = mode === 'gate' ? `, the deploy adds ${n(row.need)} → ${n(total)}/${n(quota)}` : '';
    const measured = row.usageMetric ? ` (usage from CloudWatch: ${row.usageMetric})` : '';
    const message = `${title} ${where}: ${n(usage)}/${n(quota)} ${row.unit} used${measured}${added} (${row.percent === Infinity ? '∞' : n(row.percent ?? 0)}%).${row.note ? ` ${row.note}` : ''}`;
    const finding = { check, status: row.verdict, message };
    if (row.verdict === 'fail' || row.verdict === 'warn') {
        const link = (0,catalog/* quotaConsoleUrl */.Ru)(row, row.region);
        const target = row.verdict === 'fail' ? total : Math.ceil((total * 100) / threshold);
        const request = `request an increase of '${row.name}' (service ${row.serviceCode}, quota code ${row.quotaCode}) to at least ${n(target)}: ${link} or \`aws service-quotas request-service-quota-increase --service-code ${row.serviceCode} --quota-code ${row.quotaCode} --desired-value ${n(target)} --region ${row.region}\``;
        finding.fix =
            row.verdict === 'fail'
                ? `${reclaimOf(row)} (${n(total - quota)} more than the quota), or ${request}.`
                : `to stay under ${threshold}%, ${request}.`;
        finding.link = link;
    }
    return finding;
}
function reclaimOf(row) {
    return (0,catalog/* findQuotaByCode */.sw)(row.serviceCode, row.quotaCode)?.reclaim ?? `free some ${row.unit}`;
}
/** A fallback to a default value: a WARN that says the figure is a default, not the account's. */
function fallbackFinding(row, reason) {
    const check = `${row.serviceCode}/${row.quotaCode}`;
    const figure = row.quotaSource === 'aws-default'
        ? 'the AWS default from GetAWSDefaultServiceQuota'
        : "hoist's table of AWS defaults";
    return {
        check,
        status: 'warn',
        message: `${row.name} (${check}) in ${row.region}: the account's applied value could not be read${reason ? ` (${reason})` : ''}; ${n(row.quota ?? 0)} is a default (${figure}), not necessarily this account's quota.`,
        fix: 'allow servicequotas:GetServiceQuota to the role, or check the value in the Service Quotas console.',
    };
}
const ORDER = { fail: 0, warn: 1, pass: 2, skip: 3 };
/** The summary table: one line per quota, the most used first. */
function renderQuotaTable(rows, mode) {
    const sorted = [...rows].sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict] || (b.percent ?? -1) - (a.percent ?? -1));
    const icon = { pass: '✅ PASS', warn: '⚠️ WARN', fail: '❌ FAIL', skip: '⏭️ SKIP' };
    const headers = [
        'Status',
        'Region',
        'Quota',
        'Code',
        'Quota value',
        'In use',
        ...(mode === 'gate' ? ['Deploy adds'] : []),
        'Use %',
    ];
    const body = sorted.map((r) => [
        icon[r.verdict],
        r.region,
        r.scope ? `${r.name} (${r.scope})` : r.name,
        `${r.serviceCode}/${r.quotaCode}`,
        r.quota === undefined ? '?' : `${n(r.quota)}${r.quotaSource && r.quotaSource !== 'applied' ? ' (default)' : ''}`,
        r.usage === undefined ? '?' : n(r.usage),
        ...(mode === 'gate'
            ? [
                r.sources.length > 0
                    ? `${n(r.need)} (${r.sources.map((s) => `${s.logicalId}: ${s.detail}`).join('; ')})`
                    : n(r.need),
            ]
            : []),
        r.percent === undefined ? '?' : r.percent === Infinity ? '∞' : `${n(r.percent)}%`,
    ]);
    return (0,src/* markdownTable */.Qj)(headers, body);
}

;// CONCATENATED MODULE: ./packages/quotas/src/check.ts



/** The clients quota checks use, made once per region through packages/aws. */
async function clientsFor(aws) {
    const [{ createClient }, { EC2Client }, { ECSClient }, { AutoScalingClient }, { ServiceQuotasClient }, { CloudFormationClient }, { CloudWatchClient },] = await Promise.all([
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6530)),
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193)]).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19)),
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(212)]).then(__webpack_require__.t.bind(__webpack_require__, 212, 19)),
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(932)]).then(__webpack_require__.t.bind(__webpack_require__, 8932, 19)),
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(924)]).then(__webpack_require__.t.bind(__webpack_require__, 2924, 19)),
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19)),
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(85)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19)),
    ]);
    return {
        ec2: createClient(EC2Client, aws),
        ecs: createClient(ECSClient, aws),
        autoScaling: createClient(AutoScalingClient, aws),
        serviceQuotas: createClient(ServiceQuotasClient, aws),
        cloudFormation: createClient(CloudFormationClient, aws),
        cloudWatch: createClient(CloudWatchClient, aws),
    };
}
/** Gate mode: what deploying the template adds, against applied quotas and current usage. */
async function checkTemplateQuotas(options) {
    const { aws, signal } = options;
    const clients = await clientsFor(aws);
    const { stackResources } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805), __webpack_require__.e(427)]).then(__webpack_require__.bind(__webpack_require__, 2427));
    const existing = options.stackName
        ? await stackResources(clients.cloudFormation, options.stackName, signal)
        : undefined;
    const needs = (0,src_needs/* computeNeeds */.JD)(options.template, {
        parameters: options.parameters,
        region: aws.region,
        ...(options.stackName !== undefined ? { stackName: options.stackName } : {}),
        ...(existing ? { existing: existing.types, physicalIds: existing.physicalIds } : {}),
    });
    if (needs.instances.length > 0) {
        const { instanceTypeVcpus } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(212), __webpack_require__.e(932), __webpack_require__.e(172)]).then(__webpack_require__.bind(__webpack_require__, 7172));
        (0,src_needs/* addInstanceNeeds */.Qj)(needs, await instanceTypeVcpus(clients.ec2, needs.instances.flatMap((d) => d.instanceTypes), signal));
    }
    const keys = new Set([...needs.needs.values()].filter((n) => n.amount > 0).map((n) => n.key));
    const result = await check_evaluate(clients, keys, needs, options, 'gate');
    if (existing && needs.existing.length > 0)
        result.notes.unshift(`Stack ${options.stackName} exists: ${needs.existing.length} of its resources are not counted again (only the surge of their rollouts is).`);
    return { ...result, notes: [...result.notes, ...needs.notes], stackExists: existing !== undefined };
}
/** Audit mode: every tracked quota's usage in the region, no template. */
async function auditQuotas(options) {
    const clients = await clientsFor(options.aws);
    const keys = new Set(catalog/* QUOTAS */.eg.map((q) => q.key));
    return check_evaluate(clients, keys, undefined, options, 'audit');
}
async function check_evaluate(clients, keys, needs, options, mode) {
    const { aws, signal, threshold } = options;
    const untracked = [];
    for (const ref of options.extraQuotas ?? []) {
        const known = (0,catalog/* findQuotaByCode */.sw)(ref.serviceCode, ref.quotaCode);
        if (known)
            keys.add(known.key);
        else if (!untracked.some((u) => u.serviceCode === ref.serviceCode && u.quotaCode === ref.quotaCode))
            untracked.push(ref);
    }
    const { readAppliedQuota, readUsageMetric, describeUsageMetric } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(85), __webpack_require__.e(924), __webpack_require__.e(138)]).then(__webpack_require__.bind(__webpack_require__, 9138));
    const { worstScope } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 415));
    const { measureUsage } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(212), __webpack_require__.e(932), __webpack_require__.e(172)]).then(__webpack_require__.bind(__webpack_require__, 7172));
    const tracked = catalog/* QUOTAS */.eg.filter((q) => keys.has(q.key));
    const [applied, usage, extra] = await Promise.all([
        Promise.all(tracked.map((q) => readAppliedQuota(clients.serviceQuotas, q, signal))),
        measureUsage(clients, keys, signal),
        Promise.all(untracked.map((q) => readAppliedQuota(clients.serviceQuotas, q, signal))),
    ]);
    // Quotas hoist has no probe for: their usage from the CloudWatch metric Service Quotas names, where there is one.
    const fromMetric = (value) => value?.usageMetric ? readUsageMetric(clients.cloudWatch, value.usageMetric, signal) : undefined;
    const [metered, trackedMetered] = await Promise.all([
        Promise.all(extra.map(fromMetric)),
        Promise.all(tracked.map((q, i) => (q.usageFromMetric ? fromMetric(applied[i]) : undefined))),
    ]);
    const rows = [];
    const findings = [];
    const notes = [];
    const addRow = (definition, key, value, metric) => {
        const sources = key ? (needs?.needs.get(key)?.sources ?? []) : [];
        let need = key ? (needs?.needs.get(key)?.amount ?? 0) : 0;
        let used = key ? (usage.values.get(key) ?? metric?.value) : metric?.value;
        let scoped;
        // A per-zone or per-cluster quota is compared where the template puts things, not against the total.
        if (key && used !== undefined && definition.scope && definition.scope !== 'region') {
            scoped = worstScope(definition.scope, sources, used, usage.perScope.get(key));
            need = scoped.need;
            used = scoped.usage;
        }
        const row = {
            region: aws.region,
            serviceCode: definition.serviceCode,
            quotaCode: definition.quotaCode,
            name: value?.name ?? definition.name,
            quota: value?.value,
            quotaSource: value?.source,
            usage: used,
            need,
            percent: percentOf(value?.value, used, need),
            verdict: verdictOf(value?.value, used, need, threshold),
            unit: definition.unit,
            sources,
            ...(scoped?.scope ? { scope: scoped.scope } : {}),
            ...(scoped?.note ? { note: scoped.note } : {}),
            ...(metric && value?.usageMetric ? { usageMetric: describeUsageMetric(value.usageMetric) } : {}),
            ...(metric && metric.value === undefined ? { note: `${metric.reason}.` } : {}),
            ...(key && definition.usageFromMetric && !value?.usageMetric
                ? { note: 'Service Quotas names no usage metric for it.' }
                : {}),
        };
        rows.push(row);
        if (value && value.source !== 'applied')
            findings.push(fallbackFinding(row, value.fallbackReason));
        const usageError = key ? usage.errors.get(key) : undefined;
        if (usageError) {
            findings.push({
                check: `${row.serviceCode}/${row.quotaCode}`,
                status: need > 0 ? 'fail' : 'warn',
                message: `${row.name} in ${aws.region}: the usage could not be measured (${usageError}).`,
                fix: 'allow the read-only calls listed in docs/iam/quota-check.json to the role.',
            });
        }
        else {
            findings.push(rowFinding(row, threshold, mode));
        }
    };
    tracked.forEach((q, i) => addRow(q, q.key, applied[i], trackedMetered[i]));
    untracked.forEach((q, i) => addRow({ ...q, name: `${q.serviceCode}/${q.quotaCode}`, unit: 'units' }, undefined, extra[i], metered[i]));
    const unmeasured = untracked.filter((_, i) => metered[i]?.value === undefined);
    if (unmeasured.length > 0)
        notes.push(`hoist reports the value of ${unmeasured.map((q) => `${q.serviceCode}/${q.quotaCode}`).join(', ')} but could not measure its usage (no probe of its own, and no usable CloudWatch usage metric).`);
    return { rows, findings, notes };
}

// EXTERNAL MODULE: ./packages/quotas/src/scope.ts
var scope = __webpack_require__(415);
;// CONCATENATED MODULE: ./packages/quotas/src/index.ts








/***/ }),

/***/ 602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JD: () => (/* binding */ computeNeeds),
/* harmony export */   M$: () => (/* binding */ DEFAULT_MAX_BATCH_SIZE),
/* harmony export */   Qj: () => (/* binding */ addInstanceNeeds),
/* harmony export */   R9: () => (/* binding */ splitTasks),
/* harmony export */   SL: () => (/* binding */ clusterName),
/* harmony export */   a8: () => (/* binding */ addNeed),
/* harmony export */   f7: () => (/* binding */ DEFAULT_MAXIMUM_PERCENT),
/* harmony export */   lo: () => (/* binding */ DEFAULT_INSTANCE_TYPE),
/* harmony export */   zl: () => (/* binding */ taskVcpus)
/* harmony export */ });
/* harmony import */ var _hoist_cfn__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2506);
/* harmony import */ var _catalog_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4760);
/* harmony import */ var _evaluate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3832);



/** ECS runs up to MaximumPercent of the desired tasks during a deployment; 200 when the template says nothing. */
const DEFAULT_MAXIMUM_PERCENT = 200;
/** CloudFormation's AutoScalingRollingUpdate replaces one instance at a time unless MaxBatchSize says otherwise. */
const DEFAULT_MAX_BATCH_SIZE = 1;
/** What EC2 launches when RunInstances is given no instance type. */
const DEFAULT_INSTANCE_TYPE = 'm1.small';
const COUNTED = {
    'AWS::EC2::VPC': 'vpcs',
    'AWS::EC2::InternetGateway': 'internet-gateways',
    'AWS::EC2::NatGateway': 'nat-gateways',
    'AWS::EC2::EIP': 'elastic-ips',
    'AWS::EC2::SecurityGroup': 'security-groups',
    'AWS::AutoScaling::AutoScalingGroup': 'auto-scaling-groups',
    'AWS::ECS::Cluster': 'ecs-clusters',
    'AWS::ECS::Service': 'ecs-services-per-cluster',
    'AWS::Logs::LogGroup': 'log-groups',
    'AWS::SecretsManager::Secret': 'secrets',
};
/**
 * What deploying `template` with these parameter values adds against each tracked quota. Resources the stack already
 * has are not counted again; a rollout's surge is (ECS MaximumPercent, Auto Scaling MaxBatchSize). Unknown values
 * are counted conservatively and said so in `notes`.
 */
function computeNeeds(template, options) {
    const context = {
        template,
        parameters: options.parameters,
        region: options.region,
        ...(options.stackName !== undefined ? { stackName: options.stackName } : {}),
    };
    const result = { needs: new Map(), instances: [], notes: [], existing: [] };
    const natEips = natGatewayEips(template);
    for (const resource of template.resources.values()) {
        if (!resource.type)
            continue;
        if (resource.condition) {
            const on = (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluateCondition */ .F9)(resource.condition.name, context);
            if (on === false)
                continue;
            if (on === _evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .UNKNOWN */ .HV)
                result.notes.push(`${resource.logicalId}: condition ${resource.condition.name} cannot be decided before the deploy; counted.`);
        }
        const exists = options.existing?.get(resource.logicalId) === resource.type;
        if (exists)
            result.existing.push(resource.logicalId);
        const key = COUNTED[resource.type];
        if (key && !exists) {
            const nat = natEips.get(resource.logicalId);
            const scope = key === 'nat-gateways'
                ? natGatewayZone(resource, context)
                : key === 'ecs-services-per-cluster'
                    ? serviceCluster(resource, context, options)
                    : undefined;
            addNeed(result, key, {
                logicalId: resource.logicalId,
                amount: 1,
                detail: `${nat ? `Elastic IP of NAT gateway ${nat}` : resource.type}${scope ? ` in ${scope.label}` : ''}`,
                ...(scope ? { scope } : {}),
            });
        }
        if (resource.type === 'AWS::ECS::Service')
            ecsService(resource, exists, context, result);
        else if (resource.type === 'AWS::AutoScaling::AutoScalingGroup')
            autoScalingGroup(resource, exists, context, result);
        else if (resource.type === 'AWS::EC2::Instance' && !exists)
            ec2Instance(resource, context, result);
    }
    return result;
}
function addNeed(result, key, source) {
    if (source.amount <= 0)
        return;
    const need = result.needs.get(key) ?? { key, amount: 0, sources: [] };
    need.amount += source.amount;
    need.sources.push(source);
    result.needs.set(key, need);
}
/** EIP logical id → the NAT gateway whose AllocationId takes it (`!GetAtt Eip.AllocationId` or `!Ref Eip`). */
function natGatewayEips(template) {
    const out = new Map();
    for (const r of template.resources.values()) {
        if (r.type !== 'AWS::EC2::NatGateway')
            continue;
        const allocation = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(r.properties, 'AllocationId');
        const target = referencedResource(allocation);
        if (target && template.resources.get(target)?.type === 'AWS::EC2::EIP')
            out.set(target, r.logicalId);
    }
    return out;
}
/** The logical id a `Ref` or `Fn::GetAtt` points at. */
function referencedResource(node) {
    if (node?.kind !== 'map' || node.entries.length !== 1)
        return undefined;
    const only = node.entries[0];
    if (!only)
        return undefined;
    if (only.key === 'Ref' && only.value.kind === 'scalar')
        return String(only.value.value);
    if (only.key === 'Fn::GetAtt') {
        const arg = only.value;
        if (arg.kind === 'seq' && arg.items[0]?.kind === 'scalar')
            return String(arg.items[0].value);
        if (arg.kind === 'scalar')
            return String(arg.value).split('.')[0];
    }
    return undefined;
}
/**
 * The zone of a NAT gateway, from its subnet's AvailabilityZone (a name, or `!Select [n, !GetAZs '']`) or
 * AvailabilityZoneId. Undefined when the subnet is not in the template or says no zone (AWS then picks one).
 */
function natGatewayZone(nat, context) {
    const subnetId = referencedResource((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(nat.properties, 'SubnetId'));
    const subnet = subnetId ? context.template.resources.get(subnetId) : undefined;
    if (subnet?.type !== 'AWS::EC2::Subnet')
        return undefined;
    const zoneNode = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(subnet.properties, 'AvailabilityZone');
    const zone = zoneNode ? (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluate */ ._3)(zoneNode, context) : (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluate */ ._3)((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(subnet.properties, 'AvailabilityZoneId'), context);
    if (typeof zone === 'string' && zone !== '')
        return { id: zone, kind: 'named', label: zone };
    const index = getAzsIndex(zoneNode, context);
    return index === undefined
        ? undefined
        : { id: `Fn::GetAZs[${index}]`, kind: 'distinct', label: `zone ${index} of Fn::GetAZs` };
}
/** n for `Fn::Select [n, Fn::GetAZs '']` (or of this region): the n-th zone, distinct from the others. */
function getAzsIndex(node, context) {
    const select = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.intrinsic)(node);
    if (select?.name !== 'Fn::Select' || select.arg.kind !== 'seq')
        return undefined;
    const [indexNode, listNode] = select.arg.items;
    const azs = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.intrinsic)(listNode);
    if (azs?.name !== 'Fn::GetAZs')
        return undefined;
    const region = (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluate */ ._3)(azs.arg, context);
    if (region !== '' && region !== null && region !== context.region)
        return undefined;
    return (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .integerOf */ .cP)((0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluate */ ._3)(indexNode, context));
}
/**
 * The cluster of an ECS service: `default` when the template names none, a cluster the template creates (new, or
 * its name when the stack already has it), or a name or ARN. Undefined when it is known only at deploy time.
 */
function serviceCluster(service, context, options) {
    const node = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(service.properties, 'Cluster');
    if (node === undefined)
        return { id: 'default', kind: 'named', label: 'cluster default' };
    const target = referencedResource(node);
    if (target && context.template.resources.get(target)?.type === 'AWS::ECS::Cluster') {
        const physical = options.existing?.get(target) === 'AWS::ECS::Cluster' ? options.physicalIds?.get(target) : undefined;
        if (physical)
            return { id: clusterName(physical), kind: 'named', label: `cluster ${clusterName(physical)}` };
        if (options.existing?.get(target) === 'AWS::ECS::Cluster')
            return undefined;
        return { id: `new:${target}`, kind: 'new', label: `cluster ${target} (new)` };
    }
    const value = (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .stringOf */ .Je)((0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluate */ ._3)(node, context));
    return value ? { id: clusterName(value), kind: 'named', label: `cluster ${clusterName(value)}` } : undefined;
}
/** `arn:aws:ecs:…:cluster/name` or `name` → `name`. */
function clusterName(nameOrArn) {
    return nameOrArn.startsWith('arn:') ? (nameOrArn.split(':cluster/')[1] ?? nameOrArn) : nameOrArn;
}
function property(resource, path, context) {
    let node = resource.properties;
    for (const key of path)
        node = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(node, key);
    return node === undefined ? null : (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluate */ ._3)(node, context);
}
function countOf(value, fallback, what, resource, result) {
    if (value === null)
        return fallback;
    const n = (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .integerOf */ .cP)(value);
    if (n !== undefined)
        return n;
    result.notes.push(`${resource.logicalId}: ${what} is not known before the deploy; counted as ${fallback}.`);
    return fallback;
}
/** Fargate vCPUs per task from the task definition's Cpu: CPU units (`1024`) or `1 vCPU`. */
function taskVcpus(cpu) {
    if (cpu === undefined)
        return undefined;
    const vcpu = /^\s*(\d+(?:\.\d+)?)\s*vcpu\s*$/i.exec(cpu);
    if (vcpu)
        return Number(vcpu[1]);
    return /^\s*\d+\s*$/.test(cpu) ? Number(cpu) / 1024 : undefined;
}
/**
 * How many of `tasks` ECS places on each capacity provider: each provider's Base first, in order, then the rest by
 * Weight. Shares are rounded up (a quota is checked against the most each may get).
 */
function splitTasks(tasks, strategy) {
    const out = new Map();
    let remaining = tasks;
    for (const item of strategy) {
        const base = Math.min(item.base, remaining);
        if (base > 0)
            out.set(item.provider, (out.get(item.provider) ?? 0) + base);
        remaining -= base;
    }
    const weighted = strategy.filter((i) => i.weight > 0);
    const total = weighted.reduce((n, i) => n + i.weight, 0);
    for (const item of weighted) {
        const share = Math.ceil((remaining * item.weight) / total);
        if (share > 0)
            out.set(item.provider, (out.get(item.provider) ?? 0) + share);
    }
    return out;
}
function ecsService(resource, exists, context, result) {
    const id = resource.logicalId;
    if ((0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .stringOf */ .Je)(property(resource, ['SchedulingStrategy'], context)) === 'DAEMON')
        return;
    const taskDefinitionId = referencedResource((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(resource.properties, 'TaskDefinition'));
    const taskDefinition = taskDefinitionId ? context.template.resources.get(taskDefinitionId) : undefined;
    const launchType = (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .stringOf */ .Je)(property(resource, ['LaunchType'], context));
    const strategy = capacityProviderStrategy(property(resource, ['CapacityProviderStrategy'], context));
    const compatibilities = taskDefinition ? property(taskDefinition, ['RequiresCompatibilities'], context) : null;
    const fargateOnly = Array.isArray(compatibilities) && compatibilities.length > 0 && compatibilities.every((c) => c === 'FARGATE');
    let providers;
    if (strategy.length > 0)
        providers = strategy;
    else if (launchType === 'FARGATE' || (launchType === undefined && fargateOnly))
        providers = [{ provider: 'FARGATE', base: 0, weight: 1 }];
    else
        return;
    if (!providers.some((p) => p.provider === 'FARGATE' || p.provider === 'FARGATE_SPOT'))
        return;
    const cpuValue = taskDefinition ? property(taskDefinition, ['Cpu'], context) : _evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .UNKNOWN */ .HV;
    const vcpus = taskVcpus((0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .stringOf */ .Je)(cpuValue));
    if (vcpus === undefined) {
        result.notes.push(`${id}: the task definition's Cpu is not known before the deploy; its Fargate vCPUs are not counted.`);
        return;
    }
    const desired = countOf(property(resource, ['DesiredCount'], context), 1, 'DesiredCount', resource, result);
    const maximumPercent = countOf(property(resource, ['DeploymentConfiguration', 'MaximumPercent'], context), DEFAULT_MAXIMUM_PERCENT, 'MaximumPercent', resource, result);
    const peak = Math.max(desired, Math.floor((desired * maximumPercent) / 100));
    const tasks = exists ? peak - desired : peak;
    if (tasks <= 0)
        return;
    const surge = peak > desired ? `, up to ${maximumPercent}% during a rollout` : '';
    const what = exists
        ? `rollout surge of the existing service: ${tasks} extra task(s) (${desired} desired, MaximumPercent ${maximumPercent})`
        : `${desired} task(s)${surge}`;
    for (const [provider, count] of splitTasks(tasks, providers)) {
        const key = provider === 'FARGATE'
            ? 'fargate-on-demand-vcpus'
            : provider === 'FARGATE_SPOT'
                ? 'fargate-spot-vcpus'
                : undefined;
        if (!key)
            continue;
        const via = providers.length > 1 ? ` on ${provider}` : '';
        addNeed(result, key, {
            logicalId: id,
            amount: count * vcpus,
            detail: `${count} task(s)${via} × ${vcpus} vCPU — ${what}`,
        });
    }
}
function capacityProviderStrategy(value) {
    if (!Array.isArray(value))
        return [];
    return value.flatMap((item) => {
        if (item === null || typeof item !== 'object' || Array.isArray(item))
            return [];
        const provider = (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .stringOf */ .Je)(item['CapacityProvider'] ?? null);
        if (!provider)
            return [];
        return [{ provider, base: (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .integerOf */ .cP)(item['Base'] ?? 0) ?? 0, weight: (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .integerOf */ .cP)(item['Weight'] ?? 0) ?? 0 }];
    });
}
// ---- EC2 ----
function autoScalingGroup(resource, exists, context, result) {
    const id = resource.logicalId;
    const max = countOf(property(resource, ['MaxSize'], context), 1, 'MaxSize', resource, result);
    const updatePolicy = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(resource.node, 'UpdatePolicy');
    const rolling = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(updatePolicy, 'AutoScalingRollingUpdate');
    const replacing = (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluate */ ._3)((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(updatePolicy, 'AutoScalingReplacingUpdate'), 'WillReplace'), context);
    let surge = 0;
    let how = '';
    if (replacing === true || replacing === 'true') {
        surge = max;
        how = 'a replacing update starts a whole new group';
    }
    else if (rolling) {
        surge = countOf((0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluate */ ._3)((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(rolling, 'MaxBatchSize'), context), DEFAULT_MAX_BATCH_SIZE, 'MaxBatchSize', resource, result);
        how = `a rolling update adds up to MaxBatchSize ${surge}`;
    }
    const instances = exists ? surge : max + surge;
    if (instances <= 0)
        return;
    const types = asgInstanceTypes(resource, context);
    if (types.length === 0) {
        result.notes.push(`${id}: the instance type is not known before the deploy; its EC2 vCPUs are not counted.`);
        return;
    }
    const detail = exists
        ? `rollout surge of the existing group: ${how}`
        : `MaxSize ${max}${surge > 0 ? ` + ${surge} (${how})` : ''}`;
    result.instances.push({ logicalId: id, instanceTypes: types, instances, detail });
}
function asgInstanceTypes(resource, context) {
    const fromLaunchTemplate = (spec) => {
        const target = referencedResource((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(spec, 'LaunchTemplateId')) ?? referencedResource((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(spec, 'LaunchTemplateName'));
        const lt = target ? context.template.resources.get(target) : undefined;
        const t = lt ? (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .stringOf */ .Je)(property(lt, ['LaunchTemplateData', 'InstanceType'], context)) : undefined;
        return t ? [t] : [];
    };
    const mixed = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(resource.properties, 'MixedInstancesPolicy');
    if (mixed) {
        const overrides = property(resource, ['MixedInstancesPolicy', 'LaunchTemplate', 'Overrides'], context);
        const types = Array.isArray(overrides)
            ? overrides
                .flatMap((o) => o !== null && typeof o === 'object' && !Array.isArray(o) ? [(0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .stringOf */ .Je)(o['InstanceType'] ?? null)] : [])
                .filter((t) => t !== undefined)
            : [];
        return types.length > 0
            ? types
            : fromLaunchTemplate((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(mixed, 'LaunchTemplate'), 'LaunchTemplateSpecification'));
    }
    const lt = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(resource.properties, 'LaunchTemplate');
    if (lt)
        return fromLaunchTemplate(lt);
    const lcId = referencedResource((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_0__.get)(resource.properties, 'LaunchConfigurationName'));
    const lc = lcId ? context.template.resources.get(lcId) : undefined;
    const t = lc ? (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .stringOf */ .Je)(property(lc, ['InstanceType'], context)) : undefined;
    return t ? [t] : [];
}
function ec2Instance(resource, context, result) {
    const value = property(resource, ['InstanceType'], context);
    const type = value === null ? DEFAULT_INSTANCE_TYPE : (0,_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .stringOf */ .Je)(value);
    if (!type) {
        result.notes.push(`${resource.logicalId}: the instance type is not known before the deploy; its EC2 vCPUs are not counted.`);
        return;
    }
    result.instances.push({ logicalId: resource.logicalId, instanceTypes: [type], instances: 1, detail: 'one instance' });
}
/**
 * Turns instance demands into vCPU needs per instance family class, given each type's vCPUs (from
 * DescribeInstanceTypes). Of several possible types, the one with the most vCPUs is counted.
 */
function addInstanceNeeds(result, vcpusOf) {
    for (const demand of result.instances) {
        const known = demand.instanceTypes.filter((t) => vcpusOf.has(t));
        if (known.length === 0) {
            result.notes.push(`${demand.logicalId}: instance type ${demand.instanceTypes.join(', ')} is not offered in this region (DescribeInstanceTypes); not counted.`);
            continue;
        }
        const type = known.reduce((a, b) => ((vcpusOf.get(b) ?? 0) > (vcpusOf.get(a) ?? 0) ? b : a));
        const vcpus = vcpusOf.get(type) ?? 0;
        addNeed(result, (0,_catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .instanceClassQuota */ .qn)(type), {
            logicalId: demand.logicalId,
            amount: demand.instances * vcpus,
            detail: `${demand.instances} × ${type} (${vcpus} vCPUs) — ${demand.detail}`,
        });
    }
}


/***/ }),

/***/ 415:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   worstScope: () => (/* binding */ worstScope)
/* harmony export */ });
const NOUN = {
    'availability-zone': 'Availability Zone',
    cluster: 'cluster',
};
/**
 * Compares a per-zone or per-cluster quota zone by zone: each place the template puts something gets that place's
 * usage plus what lands there. What the template does not place (a subnet from a parameter, a cluster known only at
 * deploy time) could land anywhere, so it is added to every place, the fullest included. A `distinct` zone (the
 * n-th of Fn::GetAZs) may be one that the template also names: when both kinds appear, it is treated as unplaced.
 */
function worstScope(scope, sources, fullest, perScope) {
    const named = sources.some((s) => s.scope?.kind === 'named');
    const places = new Map();
    const unplaced = [];
    let unplacedNeed = 0;
    for (const source of sources) {
        const where = source.scope;
        if (!where || (where.kind === 'distinct' && named)) {
            unplaced.push(source.logicalId);
            unplacedNeed += source.amount;
            continue;
        }
        const usage = where.kind === 'named' ? (perScope?.get(where.id) ?? 0) : where.kind === 'new' ? 0 : fullest;
        const place = places.get(where.id) ?? { label: where.label, usage, need: 0 };
        place.need += source.amount;
        places.set(where.id, place);
    }
    const candidates = [...places.values()].map((p) => ({
        usage: p.usage,
        need: p.need + unplacedNeed,
        scope: p.label,
    }));
    if (places.size === 0 || unplacedNeed > 0) {
        const label = [...(perScope ?? [])].find(([, n]) => n === fullest)?.[0];
        candidates.push({
            usage: fullest,
            need: unplacedNeed,
            ...(label !== undefined && fullest > 0 ? { scope: `${NOUN[scope]} ${label}, the fullest` } : {}),
        });
    }
    const worst = candidates.reduce((a, b) => b.usage + b.need > a.usage + a.need || (b.usage + b.need === a.usage + a.need && b.need > a.need) ? b : a);
    if (unplaced.length === 0)
        return worst;
    const what = scope === 'cluster' ? 'the cluster of' : 'the Availability Zone of';
    return {
        ...worst,
        note: `The template does not say ${what} ${unplaced.join(', ')}: counted in every ${NOUN[scope]}, the fullest included.`,
    };
}


/***/ })

};

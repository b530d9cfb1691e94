export const id = 172;
export const ids = [172];
export const modules = {

/***/ 7172:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   instanceTypeVcpus: () => (/* binding */ instanceTypeVcpus),
/* harmony export */   measureUsage: () => (/* binding */ measureUsage)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_auto_scaling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8932);
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5193);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(212);
/* harmony import */ var _hoist_aws__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6530);
/* harmony import */ var _catalog_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4760);
/* harmony import */ var _needs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(602);






/** Every page of a paginated call, following its NextToken. */
async function allPages(fetchPage) {
    const out = [];
    let token;
    do {
        const page = await fetchPage(token);
        out.push(...(page.items ?? []));
        token = page.next;
    } while (token);
    return out;
}
/** vCPUs of each instance type, from DescribeInstanceTypes (types the region does not offer are absent). */
async function instanceTypeVcpus(ec2, types, signal) {
    const out = new Map();
    const unique = [...new Set(types)];
    for (const type of unique) {
        try {
            const answer = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeInstanceTypesCommand({ InstanceTypes: [type] }), {
                abortSignal: signal,
            });
            const vcpus = answer.InstanceTypes?.[0]?.VCpuInfo?.DefaultVCpus;
            if (vcpus !== undefined)
                out.set(type, vcpus);
        }
        catch (error) {
            // An unknown type is refused with InvalidInstanceType: it is reported by the caller as not offered.
            if (signal.aborted || !/InvalidInstanceType/.test(error.name))
                throw error;
        }
    }
    return out;
}
const ACTIVE_NAT = ['pending', 'available'];
async function measureUsage(clients, keys, signal) {
    const { ec2, ecs, autoScaling } = clients;
    const usage = new Map();
    const perScope = new Map();
    const errors = new Map();
    const o = { abortSignal: signal };
    // Listed once for the cluster, service and Fargate measures (a promise local to this call, not a cache).
    let clusterList;
    const clusters = () => (clusterList ??= allPages((t) => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__.ListClustersCommand({ nextToken: t }), o).then((a) => ({ items: a.clusterArns, next: a.nextToken }))));
    const jobs = [];
    // One call that fails (a missing permission) costs only the quotas it measures.
    const track = (covers, job) => jobs.push(job.catch((error) => {
        if (signal.aborted)
            throw error;
        for (const key of covers)
            if (keys.has(key))
                errors.set(key, (0,_hoist_aws__WEBPACK_IMPORTED_MODULE_0__.describeAwsError)(error));
    }));
    const measure = (key, count) => {
        if (keys.has(key))
            track([key], count().then((n) => void usage.set(key, n)));
    };
    const measureScoped = (key, count) => measure(key, async () => {
        const counts = await count();
        perScope.set(key, counts);
        return Math.max(0, ...counts.values());
    });
    measure('vpcs', async () => (await allPages((t) => ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeVpcsCommand({ NextToken: t }), o).then((a) => ({ items: a.Vpcs, next: a.NextToken })))).length);
    measure('internet-gateways', async () => (await allPages((t) => ec2
        .send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeInternetGatewaysCommand({ NextToken: t }), o)
        .then((a) => ({ items: a.InternetGateways, next: a.NextToken })))).length);
    measure('elastic-ips', async () => (await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeAddressesCommand({ Filters: [{ Name: 'domain', Values: ['vpc'] }] }), o)).Addresses
        ?.length ?? 0);
    measure('security-groups', async () => (await allPages((t) => ec2
        .send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeSecurityGroupsCommand({ NextToken: t }), o)
        .then((a) => ({ items: a.SecurityGroups, next: a.NextToken })))).length);
    measure('auto-scaling-groups', async () => (await allPages((t) => autoScaling
        .send(new _aws_sdk_client_auto_scaling__WEBPACK_IMPORTED_MODULE_5__.DescribeAutoScalingGroupsCommand({ NextToken: t }), o)
        .then((a) => ({ items: a.AutoScalingGroups, next: a.NextToken })))).length);
    measureScoped('nat-gateways', async () => {
        const nats = await allPages((t) => ec2
            .send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeNatGatewaysCommand({ NextToken: t, Filter: [{ Name: 'state', Values: ACTIVE_NAT }] }), o)
            .then((a) => ({ items: a.NatGateways, next: a.NextToken })));
        const subnetIds = [...new Set(nats.map((n) => n.SubnetId).filter((s) => s !== undefined))];
        const subnets = subnetIds.length > 0
            ? ((await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeSubnetsCommand({ SubnetIds: subnetIds }), o)).Subnets ?? [])
            : [];
        const subnetOf = new Map(subnets.map((s) => [s.SubnetId, s]));
        const perZone = new Map();
        for (const n of nats) {
            const subnet = subnetOf.get(n.SubnetId);
            // A template may name the zone or its ID: both are keys, the name first (it labels the fullest zone).
            for (const zone of [subnet?.AvailabilityZone ?? 'unknown', subnet?.AvailabilityZoneId])
                if (zone)
                    perZone.set(zone, (perZone.get(zone) ?? 0) + 1);
        }
        return perZone;
    });
    measure('ecs-clusters', async () => (await clusters()).length);
    measureScoped('ecs-services-per-cluster', async () => {
        const perCluster = new Map();
        for (const cluster of await clusters()) {
            const services = await allPages((t) => ecs
                .send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__.ListServicesCommand({ cluster, nextToken: t, maxResults: 100 }), o)
                .then((a) => ({ items: a.serviceArns, next: a.nextToken })));
            perCluster.set((0,_needs_js__WEBPACK_IMPORTED_MODULE_2__/* .clusterName */ .SL)(cluster), services.length);
        }
        return perCluster;
    });
    const ec2Classes = [...keys].filter((k) => k.startsWith('ec2-') && k.endsWith('-vcpus'));
    if (ec2Classes.length > 0) {
        track(ec2Classes, instanceVcpuUsage(ec2, signal).then((m) => {
            for (const key of ec2Classes)
                usage.set(key, m.get(key) ?? 0);
        }));
    }
    const fargate = ['fargate-on-demand-vcpus', 'fargate-spot-vcpus'].filter((k) => keys.has(k));
    if (fargate.length > 0) {
        track(fargate, clusters()
            .then((list) => fargateVcpuUsage(ecs, list, signal))
            .then(({ onDemand, spot }) => {
            if (keys.has('fargate-on-demand-vcpus'))
                usage.set('fargate-on-demand-vcpus', onDemand);
            if (keys.has('fargate-spot-vcpus'))
                usage.set('fargate-spot-vcpus', spot);
        }));
    }
    await Promise.all(jobs);
    return { values: usage, perScope, errors };
}
/** vCPUs of running and pending On-Demand instances, per instance family class. */
async function instanceVcpuUsage(ec2, signal) {
    const reservations = await allPages((t) => ec2
        .send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeInstancesCommand({
        NextToken: t,
        Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running'] }],
    }), { abortSignal: signal })
        .then((a) => ({ items: a.Reservations, next: a.NextToken })));
    const instances = reservations
        .flatMap((r) => r.Instances ?? [])
        .filter((i) => i.InstanceLifecycle !== 'spot' && i.InstanceType);
    const missing = instances
        .filter((i) => !(i.CpuOptions?.CoreCount && i.CpuOptions.ThreadsPerCore))
        .map((i) => i.InstanceType);
    const typeVcpus = missing.length > 0 ? await instanceTypeVcpus(ec2, missing, signal) : new Map();
    const out = new Map();
    for (const i of instances) {
        const type = i.InstanceType;
        const vcpus = i.CpuOptions?.CoreCount && i.CpuOptions.ThreadsPerCore
            ? i.CpuOptions.CoreCount * i.CpuOptions.ThreadsPerCore
            : (typeVcpus.get(type) ?? 0);
        const key = (0,_catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .instanceClassQuota */ .qn)(type);
        out.set(key, (out.get(key) ?? 0) + vcpus);
    }
    return out;
}
/** vCPUs of running Fargate tasks in every cluster of the region, On-Demand and Spot apart. */
async function fargateVcpuUsage(ecs, clusters, signal) {
    const o = { abortSignal: signal };
    let onDemand = 0;
    let spot = 0;
    for (const cluster of clusters) {
        const arns = await allPages((t) => ecs
            .send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__.ListTasksCommand({ cluster, desiredStatus: 'RUNNING', nextToken: t }), o)
            .then((a) => ({ items: a.taskArns, next: a.nextToken })));
        for (let i = 0; i < arns.length; i += 100) {
            const tasks = (await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__.DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + 100) }), o)).tasks ?? [];
            for (const task of tasks) {
                const provider = task.capacityProviderName;
                const fargate = task.launchType === 'FARGATE' || provider === 'FARGATE' || provider === 'FARGATE_SPOT';
                if (!fargate)
                    continue;
                const vcpus = (0,_needs_js__WEBPACK_IMPORTED_MODULE_2__/* .taskVcpus */ .zl)(task.cpu) ?? 0;
                if (provider === 'FARGATE_SPOT')
                    spot += vcpus;
                else
                    onDemand += vcpus;
            }
        }
    }
    return { onDemand, spot };
}


/***/ })

};

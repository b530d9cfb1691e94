export const id = 344;
export const ids = [344];
export const modules = {

/***/ 6344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   quotaCheck: () => (/* binding */ quotaCheck)
/* harmony export */ });
/* harmony import */ var _hoist_aws__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6530);
/* harmony import */ var _hoist_cfn__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2506);
/* harmony import */ var _hoist_kit__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9558);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3740);




const ACTION = 'quota-check';
const ISSUE = { key: 'quota-audit', label: 'hoist-quotas' };
/** quota-check: will this stack fit (gate), or how full is the account (audit)? */
async function quotaCheck({ reporter, inputs: source, signal }) {
    const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .getInputs */ .G)(source);
    if (inputs['github-token'])
        reporter.setSecret(inputs['github-token']);
    const { region } = await (0,_hoist_aws__WEBPACK_IMPORTED_MODULE_0__.resolveRegion)(inputs.region);
    // Everything local is read and checked before the first AWS call.
    const template = inputs.mode === 'gate' ? loadTemplate(inputs) : undefined;
    const parameters = template ? parameterValues(template, inputs) : {};
    const quotas = await __webpack_require__.e(/* import() */ 746).then(__webpack_require__.bind(__webpack_require__, 4746));
    const common = { threshold: inputs.threshold, extraQuotas: inputs.quotas, signal };
    if (template) {
        const result = await quotas.checkTemplateQuotas({
            ...common,
            aws: { region, action: ACTION },
            template,
            parameters,
            ...(inputs['stack-name'] ? { stackName: inputs['stack-name'] } : {}),
        });
        const markdown = renderSummary('hoist quota-check', [result], 'gate', inputs.threshold, quotas.renderQuotaTable);
        publish(reporter, [result], markdown);
        const failed = result.findings.filter((f) => f.status === 'fail');
        reporter.setOutput('ok', failed.length === 0);
        await commentOnPullRequest(reporter, inputs, markdown);
        if (failed.length > 0) {
            reporter.fail(`Quota check: the deploy would not fit ${[...new Set(failed.map((f) => f.check))].join(', ')} in ${region}. See the fixes above.`);
        }
        return;
    }
    const regions = inputs.regions.length > 0 ? inputs.regions : [region];
    const results = await Promise.all(regions.map((r) => quotas.auditQuotas({ ...common, aws: { region: r, action: ACTION } })));
    const markdown = renderSummary('hoist quota audit', results, 'audit', inputs.threshold, quotas.renderQuotaTable);
    publish(reporter, results, markdown);
    const above = results.flatMap((r) => r.rows).filter((row) => row.verdict === 'warn' || row.verdict === 'fail');
    reporter.setOutput('ok', above.length === 0);
    if (inputs['github-token'])
        await keepAuditIssue(reporter, inputs, above, markdown);
}
function loadTemplate(inputs) {
    const path = inputs.template;
    const template = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_1__.readTemplate)(path);
    const problem = template.problems[0];
    if (!template.root || problem) {
        const where = problem ? ` (line ${problem.pos.line}: ${problem.message})` : '';
        throw new _hoist_kit__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('template', path, `a CloudFormation template in YAML or JSON${where}`, 'run cfn-validate for the details.');
    }
    return template;
}
function parameterValues(template, inputs) {
    const given = inputs.parameters ? (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_1__.readParametersFile)(inputs.parameters).values : {};
    return (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_1__.resolveParameterValues)(template, given).values;
}
function publish(reporter, results, markdown) {
    const rows = results.flatMap((r) => r.rows);
    reporter.setOutput('report', rows.map(reportEntry));
    const findings = results.flatMap((r) => r.findings);
    for (const f of findings)
        if (f.status === 'pass')
            reporter.info(`PASS  ${f.message}`);
    const attention = findings.filter((f) => f.status !== 'pass');
    reporter.summary(markdown);
    if (attention.length > 0)
        reporter.findings(attention, { title: 'Quotas that need attention' });
}
/** The `report` output: quota code, name, quota, usage, need, percent, verdict (and scope, for zones and clusters). */
function reportEntry(row) {
    return {
        region: row.region,
        service: row.serviceCode,
        code: row.quotaCode,
        name: row.name,
        quota: row.quota ?? null,
        quotaSource: row.quotaSource ?? null,
        usage: row.usage ?? null,
        need: row.need,
        percent: row.percent === undefined || row.percent === Infinity ? null : row.percent,
        verdict: row.verdict,
        // Per-zone and per-cluster quotas: which zone or cluster the figures are of.
        scope: row.scope ?? null,
    };
}
function renderSummary(title, results, mode, threshold, table) {
    const rows = results.flatMap((r) => r.rows);
    const notes = [...new Set(results.flatMap((r) => r.notes))];
    const counts = { fail: 0, warn: 0, pass: 0, skip: 0 };
    for (const row of rows)
        counts[row.verdict] += 1;
    const lead = mode === 'gate'
        ? rows.length === 0
            ? 'The template adds nothing that hoist tracks against a quota.'
            : `**${counts.fail} would be exceeded, ${counts.warn} above ${threshold}%, ${counts.pass} fit.**`
        : `**${counts.fail + counts.warn} above ${threshold}%, ${counts.pass} below, ${counts.skip} unknown.**`;
    const parts = [`### ${title}`, lead];
    if (rows.length > 0)
        parts.push(table(rows, mode));
    if (notes.length > 0)
        parts.push(notes.map((n) => `- ${n}`).join('\n'));
    return parts.join('\n\n') + '\n';
}
async function commentOnPullRequest(reporter, inputs, markdown) {
    const token = inputs['github-token'];
    if (!token)
        return;
    const { createGitHubClient, readGitHubEvent } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9558));
    const pr = readGitHubEvent().pullRequestNumber;
    if (pr === undefined)
        return;
    const github = await createGitHubClient({ token, reporter });
    try {
        const result = await github.upsertCommentSection(pr, 'quota-check', markdown);
        if (result.outcome !== 'read-only')
            reporter.info(`Pull request comment ${result.outcome}: ${result.url ?? ''}`);
    }
    catch (error) {
        // The comment is a convenience: the gate's verdict stands without it.
        reporter.annotate({
            level: 'warning',
            title: 'GitHub comment',
            message: error instanceof Error ? error.message : String(error),
        });
    }
}
async function keepAuditIssue(reporter, inputs, above, markdown) {
    const { createGitHubClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9558));
    const github = await createGitHubClient({ token: inputs['github-token'], reporter });
    const run = runUrl();
    const body = [
        above.length > 0
            ? `${above.length} AWS quota(s) are above ${inputs.threshold}% of their value. Request increases (links in the table) or free capacity.`
            : `All tracked quotas are at or below ${inputs.threshold}%.`,
        markdown,
        run ? `Last checked by [this run](${run}).` : '',
    ]
        .filter(Boolean)
        .join('\n\n');
    const result = await github.upsertIssue({
        ...ISSUE,
        title: `AWS quotas above ${inputs.threshold}%`,
        body,
        open: above.length > 0,
        closeComment: `All tracked quotas are at or below ${inputs.threshold}% again${run ? ` ([run](${run}))` : ''}: closing.`,
    });
    reporter.info(`Quota audit issue: ${result.outcome}${result.number !== undefined ? ` #${result.number}` : ''}.`);
}
function runUrl() {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = process.env;
    return server && repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined;
}


/***/ })

};

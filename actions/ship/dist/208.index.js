export const id = 208;
export const ids = [208];
export const modules = {

/***/ 3208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cfnValidate: () => (/* binding */ cfnValidate)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _hoist_kit__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9558);
/* harmony import */ var _hoist_cfn__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2506);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4355);




/** Below the runner's 1 MB limit for a job's outputs, with room for the others. */
const MAX_REPORT_CHARS = 900_000;
const ANNOTATION = { error: 'error', warning: 'warning', info: 'notice' };
async function cfnValidate({ reporter, inputs: source, signal }) {
    const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .getInputs */ .G)(source);
    const parameters = inputs.parameters ? (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_2__.readParametersFile)(inputs.parameters) : undefined;
    const remote = await remoteValidator(inputs, reporter);
    const findings = [];
    const capabilities = [];
    for (const file of inputs.template) {
        const template = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_2__.readTemplate)(file);
        const result = (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_2__.validateTemplate)(template, {
            ...(parameters ? { parameters } : {}),
            deferredParameters: inputs['deferred-parameters'],
            ignore: inputs.ignore,
        });
        findings.push(...result.findings);
        capabilities.push(result.capabilities);
        if (remote && template.root && !inputs.ignore.includes('H9001')) {
            findings.push(...(await validateRemotely(remote, template.text, file, reporter, inputs, signal)));
        }
        const counts = count(result.findings);
        reporter.info(`${relative(file)}: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes.`);
    }
    report(reporter, findings, (0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_2__.mergeCapabilities)(capabilities), inputs);
}
async function remoteValidator(inputs, reporter) {
    const mode = inputs['remote-validation'];
    if (mode === 'false')
        return undefined;
    // The credentials check alone: the SDK and its HTTP stack load only when ValidateTemplate is really called.
    const { hasConfiguredCredentials } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4903));
    if (mode === 'auto' && !hasConfiguredCredentials()) {
        reporter.annotate({
            level: 'notice',
            title: 'cfn-validate',
            message: "remote-validation is auto and no AWS credentials are configured: CloudFormation's ValidateTemplate was skipped (local rules ran).",
        });
        return undefined;
    }
    const { createRemoteValidator } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805), __webpack_require__.e(300)]).then(__webpack_require__.bind(__webpack_require__, 9300));
    return createRemoteValidator(inputs.region);
}
async function validateRemotely(remote, body, file, reporter, inputs, signal) {
    if ((0,_hoist_cfn__WEBPACK_IMPORTED_MODULE_2__.needsS3Upload)(Buffer.byteLength(body, 'utf8'))) {
        reporter.info(`${relative(file)}: over 51,200 bytes, ValidateTemplate needs a TemplateURL in S3; remote validation skipped for it.`);
        return [];
    }
    const result = await remote(body, signal);
    if (result.ok) {
        reporter.info(`${relative(file)}: CloudFormation's ValidateTemplate accepted the template.`);
        return [];
    }
    if (result.kind === 'unavailable') {
        if (inputs['remote-validation'] === 'true') {
            throw new _hoist_kit__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`remote-validation: ValidateTemplate could not be called for ${relative(file)} (${result.message}).`, {
                fix: 'check the AWS credentials and region (cloudformation:ValidateTemplate is the only permission needed), or set remote-validation: auto.',
            });
        }
        reporter.annotate({
            level: 'notice',
            title: 'cfn-validate',
            message: `ValidateTemplate could not be called (${result.message}); local rules ran.`,
        });
        return [];
    }
    const line = /line (\d+)/i.exec(result.message)?.[1];
    return [
        {
            rule: 'H9001',
            level: 'error',
            message: `CloudFormation's ValidateTemplate rejected the template: ${result.message}`,
            fix: 'correct what CloudFormation names; it checks the template as a whole, before any resource is created.',
            file,
            line: line ? Number(line) : 1,
            column: 1,
        },
    ];
}
/** The path annotations want: relative to GITHUB_WORKSPACE, with forward slashes. */
function relative(file) {
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().relative((0,_hoist_kit__WEBPACK_IMPORTED_MODULE_1__/* .workspace */ .Gl)(), file).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join('/');
}
function count(findings) {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings)
        counts[f.level] += 1;
    return counts;
}
function report(reporter, findings, capabilities, inputs) {
    // Findings of one file are many: its relative name is computed once.
    const names = new Map();
    const nameOf = (file) => names.get(file) ?? names.set(file, relative(file)).get(file) ?? file;
    const located = findings.map((f) => ({ ...f, file: f.file === undefined ? undefined : nameOf(f.file) }));
    for (const f of located) {
        reporter.annotate({
            level: ANNOTATION[f.level],
            title: f.rule,
            message: f.fix ? `${f.message}\nFix: ${f.fix}` : f.message,
            ...(f.file !== undefined ? { file: f.file } : {}),
            line: f.line,
            column: f.column,
        });
    }
    const counts = count(findings);
    reporter.setOutput('capabilities', capabilities.join(','));
    reporter.setOutput('errors', counts.error);
    reporter.setOutput('warnings', counts.warning);
    const entries = located.map((f) => ({
        file: f.file ?? '',
        line: f.line,
        column: f.column,
        rule: f.rule,
        level: f.level,
        message: f.message,
        ...(f.fix ? { fix: f.fix } : {}),
    }));
    let reportJson = JSON.stringify(entries);
    if (reportJson.length > MAX_REPORT_CHARS) {
        // A runner keeps at most 1 MB of outputs per job: notes go first, then the output says what was left out.
        const kept = entries.filter((e) => e.level !== 'info');
        reportJson = JSON.stringify(kept);
        while (reportJson.length > MAX_REPORT_CHARS && kept.length > 0) {
            kept.splice(Math.floor(kept.length * 0.9));
            reportJson = JSON.stringify(kept);
        }
        reporter.info(`The report output holds ${kept.length} of ${entries.length} findings (outputs are limited to 1 MB); the annotations and the summary have all of them.`);
    }
    reporter.setOutput('report', reportJson);
    const templates = inputs.template.length;
    const lines = [
        '### cfn-validate',
        `**${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes** in ${templates} template${templates === 1 ? '' : 's'}.` +
            (capabilities.length > 0 ? ` Capabilities needed: \`${capabilities.join(', ')}\`.` : ''),
    ];
    if (located.length > 0) {
        const icon = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };
        const rows = located.map((f) => [
            icon[f.level],
            f.rule,
            `${f.file ?? ''}:${f.line}:${f.column}`,
            f.message,
            f.fix ?? '',
        ]);
        lines.push((0,_hoist_kit__WEBPACK_IMPORTED_MODULE_1__/* .markdownTable */ .Qj)(['Level', 'Rule', 'Where', 'Finding', 'Fix'], rows));
    }
    reporter.summary(lines.join('\n\n') + '\n');
    const failOn = inputs['fail-on'];
    if ((failOn !== 'never' && counts.error > 0) || (failOn === 'warning' && counts.warning > 0)) {
        reporter.fail(`cfn-validate: ${plural(counts.error, 'error')} and ${plural(counts.warning, 'warning')} (fail-on: ${failOn}). The annotations show each on its line.`);
    }
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}


/***/ })

};

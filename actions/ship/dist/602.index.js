export const id = 602;
export const ids = [602];
export const modules = {

/***/ 2602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollbackAction: () => (/* binding */ rollbackAction)
});

// EXTERNAL MODULE: ./packages/kit/src/index.ts + 30 modules
var src = __webpack_require__(9558);
// EXTERNAL MODULE: ./actions/rollback/src/inputs.ts
var src_inputs = __webpack_require__(7593);
;// CONCATENATED MODULE: ./actions/rollback/src/report.ts

/** `restored`, `recovered` and `nothing-to-do` end the step with exit code 0; `failed` with 1. */
function isSuccess(status) {
    return status !== 'failed';
}
const STATUS_ICON = {
    restored: '↩️',
    recovered: '🩹',
    'nothing-to-do': '✅',
    failed: '❌',
};
/** The image a release ran: its `ImageUri` parameter, else the first parameter holding an image by digest. */
function releaseImage(release) {
    if (!release)
        return undefined;
    return release.images['ImageUri'] ?? Object.values(release.images)[0];
}
const code = (text) => `\`${text}\``;
function shortDigest(image) {
    const digest = image.split('@')[1] ?? image;
    return digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…');
}
function shownTime(iso) {
    return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}
/** The last 10 releases: id, time, sha, image digest, outcome; the running and the restored one marked. */
function historyTable(releases, marks) {
    const rows = releases.slice(0, 10).map((r) => {
        const mark = [
            r.id === marks.recorded?.id ? '🆕 this rollback' : '',
            r.id === marks.restored?.id ? '↩️ restored' : '',
            r.id === marks.running?.id ? (marks.recorded ? '▶️ was running' : '▶️ running') : '',
        ]
            .filter(Boolean)
            .join(', ');
        const images = Object.values(r.images).map(shortDigest);
        const outcome = r.kind === 'rollback' ? `${r.outcome} (rollback to ${r.restores ?? '?'})` : r.outcome;
        return [
            mark,
            code(r.id),
            shownTime(r.time),
            r.gitSha ? code(r.gitSha.slice(0, 7)) : '—',
            images.length > 0 ? images.map(code).join(' ') : '—',
            outcome,
        ];
    });
    return (0,src/* markdownTable */.Qj)(['', 'Release', 'Time', 'Commit', 'Image digest', 'Outcome'], rows);
}
function parametersTable(rows) {
    return (0,src/* markdownTable */.Qj)(['Parameter', 'Now', 'Restored'], rows.map((r) => [
        r.changed ? `**${r.name}**` : r.name,
        r.current === undefined ? '—' : code(r.current),
        r.restored.startsWith('kept') ? r.restored : code(r.restored),
    ]));
}
function renderSummary(report) {
    const title = `### ${STATUS_ICON[report.status]} rollback ${code(report.stackName)}: ${report.dryRun ? 'dry run' : report.status}`;
    const lines = [title, report.message];
    const facts = [['Status', report.status]];
    if (report.stackStatus)
        facts.push(['Stack status', report.stackStatus]);
    if (report.restored)
        facts.push([
            report.dryRun ? 'Would restore' : 'Restored',
            `${code(report.restored.id)}${report.why ? ` — ${report.why}` : ''}`,
        ]);
    const image = releaseImage(report.restored);
    if (image)
        facts.push(['Image', code(image)]);
    if (report.template)
        facts.push(['Template', report.template]);
    if (report.recovery && report.recovery.length > 0)
        facts.push([report.dryRun ? 'Would do' : 'Recovery', report.recovery.join('; then ')]);
    if (report.recorded)
        facts.push(['Recorded as', `${code(report.recorded.id)} (rollback, ${report.recorded.outcome})`]);
    facts.push(['Duration', `${Math.round(report.durationMs / 1000)}s`]);
    lines.push((0,src/* markdownTable */.Qj)(['', ''], facts));
    if (report.parameters && report.parameters.length > 0)
        lines.push('#### Parameters', parametersTable(report.parameters));
    if (report.preview)
        lines.push(report.preview);
    lines.push(report.releases.length > 10
        ? `#### Release history (last 10 of ${report.releases.length})`
        : '#### Release history', report.releases.length > 0
        ? historyTable(report.releases, {
            ...(report.running ? { running: report.running } : {}),
            ...(report.restored ? { restored: report.restored } : {}),
            ...(report.recorded ? { recorded: report.recorded } : {}),
        })
        : `No release records in SSM \`/hoist/${report.stackName}/releases\`.`);
    return lines.join('\n\n') + '\n';
}

;// CONCATENATED MODULE: ./actions/rollback/src/rollback.ts



/** The rollback action: recover a stuck stack, restore the last good release, record the rollback. */
async function rollbackAction(context) {
    const started = Date.now();
    const inputs = (0,src_inputs/* getInputs */.G)(context.inputs);
    const { reporter } = context;
    // AWS-heavy modules come after the inputs are checked, so a bad input answers at once.
    const { rollback } = await Promise.all(/* import() */[__webpack_require__.e(403), __webpack_require__.e(242)]).then(__webpack_require__.bind(__webpack_require__, 861));
    const report = {
        stackName: inputs['stack-name'],
        status: 'failed',
        dryRun: inputs['dry-run'],
        message: '',
        releases: [],
        durationMs: 0,
    };
    try {
        const result = await rollback(inputs, context, started, report);
        if (result.deploy && result.deploy.verification.length > 0)
            reporter.findings(result.deploy.verification, { title: 'Verification' });
    }
    catch (error) {
        // The status output is there for the workflow's `if:` even when the run ends in an error.
        reporter.setOutput('status', 'failed');
        reporter.summary(renderSummary({ ...report, status: 'failed', message: (0,src/* describeError */.Uc)(error), durationMs: Date.now() - started }));
        throw error;
    }
    report.durationMs = Date.now() - started;
    publish(report, reporter);
}
function publish(report, reporter) {
    reporter.setOutput('status', report.status);
    const release = report.restored ??
        (report.status === 'recovered' || report.status === 'nothing-to-do' ? report.running : undefined);
    if (release)
        reporter.setOutput('release-id', release.id);
    const image = releaseImage(release);
    if (image)
        reporter.setOutput('image-uri', image);
    reporter.summary(renderSummary(report));
    if (isSuccess(report.status))
        reporter.info(report.message);
    else
        reporter.fail(report.message);
}


/***/ })

};

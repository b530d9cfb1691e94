export const id = 242;
export const ids = [242];
export const modules = {

/***/ 861:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollback: () => (/* binding */ rollback)
});

// EXTERNAL MODULE: ./packages/aws/src/index.ts + 7 modules
var src = __webpack_require__(6530);
// EXTERNAL MODULE: ./packages/cfn/src/index.ts + 15 modules
var cfn_src = __webpack_require__(2506);
// EXTERNAL MODULE: ./packages/cfn/src/stack/index.ts + 9 modules
var src_stack = __webpack_require__(9403);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./packages/kit/src/index.ts + 30 modules
var kit_src = __webpack_require__(9558);
// EXTERNAL MODULE: ./packages/cfn/src/stack/diagnosis.ts
var diagnosis = __webpack_require__(7231);
// EXTERNAL MODULE: ./packages/cfn/src/stack/events.ts
var events = __webpack_require__(9261);
// EXTERNAL MODULE: ./packages/cfn/src/stack/status.ts
var stack_status = __webpack_require__(1326);
// EXTERNAL MODULE: ./packages/cfn/src/stack/wait.ts
var wait = __webpack_require__(3721);
;// CONCATENATED MODULE: ./packages/cfn/src/stack/recover.ts







async function createRecoveryCalls(aws, signal) {
    const sdk = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    const client = (0,src.createClient)(sdk.CloudFormationClient, aws);
    const options = signal ? { abortSignal: signal } : {};
    return {
        async continueUpdateRollback(stackName, resourcesToSkip, clientRequestToken) {
            await client.send(new sdk.ContinueUpdateRollbackCommand({
                StackName: stackName,
                ClientRequestToken: clientRequestToken,
                ...(resourcesToSkip.length > 0 ? { ResourcesToSkip: [...resourcesToSkip] } : {}),
            }), options);
        },
        async rollbackStack(stackName, clientRequestToken) {
            await client.send(new sdk.RollbackStackCommand({ StackName: stackName, ClientRequestToken: clientRequestToken }), options);
        },
    };
}
/** The next step for a stack in this status (the stack must exist). */
function recoveryStep(stack, input) {
    const status = stack.StackStatus ?? '';
    const name = stack.StackName ?? '';
    switch (status) {
        case 'UPDATE_IN_PROGRESS':
            return input.cancelInProgress
                ? { kind: 'cancel-update' }
                : { kind: 'wait', why: `an update is running (set cancel-in-progress: true to cancel it instead)` };
        case 'UPDATE_ROLLBACK_FAILED':
            return { kind: 'continue-update-rollback', resourcesToSkip: input.resourcesToSkip };
        case 'UPDATE_FAILED':
        case 'CREATE_FAILED':
            // Only a stack made or updated with rollback disabled stays in *_FAILED; RollbackStack finishes what
            // CloudFormation would have done.
            return { kind: 'rollback-stack' };
        case 'REVIEW_IN_PROGRESS':
            return {
                kind: 'nothing-to-roll-back',
                why: `stack ${name} is REVIEW_IN_PROGRESS: it holds only a change set, nothing was ever created`,
                fix: 'deploy it with deploy-stack (or delete the change set).',
            };
        case 'ROLLBACK_COMPLETE':
            return {
                kind: 'nothing-to-roll-back',
                why: `stack ${name} is ROLLBACK_COMPLETE: its first create failed, so there is no earlier release to go back to`,
                fix: 'fix the cause and deploy again with deploy-stack and `recreate-failed: true` (it deletes and creates the stack), or delete the stack.',
            };
        case 'ROLLBACK_FAILED':
            return {
                kind: 'unrecoverable',
                why: `stack ${name} is ROLLBACK_FAILED: the rollback of its failed first create failed, and such a stack can only be deleted`,
                fix: `delete it, retaining the resources that cannot be deleted: \`aws cloudformation delete-stack --stack-name ${name} --retain-resources <LogicalId>…\`, then deploy again.`,
            };
        case 'DELETE_FAILED':
            return {
                kind: 'unrecoverable',
                why: `stack ${name} is DELETE_FAILED: a delete failed, and a rollback cannot undo a delete`,
                fix: `delete it again, retaining the resources that cannot be deleted (\`aws cloudformation delete-stack --stack-name ${name} --retain-resources <LogicalId>…\`).`,
            };
        case 'IMPORT_ROLLBACK_FAILED':
            return {
                kind: 'unrecoverable',
                why: `stack ${name} is IMPORT_ROLLBACK_FAILED: the rollback of a resource import failed`,
                fix: 'look at the stack events, fix the resources named there by hand, then import again.',
            };
    }
    if ((0,stack_status/* stackPhase */.a9)(status) === 'in-progress') {
        const why = input.cancelInProgress
            ? `it is ${status}, and CancelUpdateStack only cancels UPDATE_IN_PROGRESS`
            : `it is ${status}`;
        return { kind: 'wait', why };
    }
    return { kind: 'none' };
}
/** One line saying what a step does (for logs, summaries and dry runs). */
function describeRecoveryStep(step, stackName) {
    switch (step.kind) {
        case 'none':
            return `stack ${stackName} is stable`;
        case 'wait':
            return `wait for stack ${stackName} to finish (${step.why})`;
        case 'cancel-update':
            return `cancel the update of stack ${stackName} (CancelUpdateStack), then wait while CloudFormation rolls it back`;
        case 'continue-update-rollback':
            return `continue the failed rollback of stack ${stackName} (ContinueUpdateRollback${step.resourcesToSkip.length > 0 ? `, skipping ${step.resourcesToSkip.join(', ')}` : ''}), then wait`;
        case 'rollback-stack':
            return `roll stack ${stackName} back to its last stable state (RollbackStack), then wait`;
        case 'nothing-to-roll-back':
        case 'unrecoverable':
            return step.why;
    }
}
/** Recovery calls hoist makes before it gives up (a cancel can end in UPDATE_ROLLBACK_FAILED, which needs a continue). */
const MAX_STEPS = 4;
/**
 * Brings a stack to a stable state: waits out an operation in progress (or cancels an update), continues a failed
 * rollback, rolls back a failed update made with rollback disabled. Throws a UserError when the stack does not
 * exist, cannot be recovered, or is still stuck after the recovery call (with the resource that failed).
 */
async function recoverStack(api, stackName, options) {
    const log = options.log ?? (() => { });
    const waitOptions = {
        deadline: options.deadline,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
        ...(options.maxIntervalMs !== undefined ? { maxIntervalMs: options.maxIntervalMs } : {}),
    };
    let stack = await existing(api, stackName);
    const done = [];
    for (let round = 0;; round++) {
        const step = recoveryStep(stack, options);
        if (step.kind === 'none') {
            const outcome = done.length > 0 ? 'recovered' : 'stable';
            return { outcome, stack, done, planned: [], message: `Stack ${stackName} is ${stack.StackStatus}.` };
        }
        if (step.kind === 'nothing-to-roll-back') {
            // After RollbackStack on a failed first create the stack is stable (ROLLBACK_COMPLETE): recovered, though empty.
            return {
                outcome: done.length > 0 ? 'recovered' : 'nothing-to-roll-back',
                stack,
                done,
                planned: [],
                message: `Nothing to roll back to: ${step.why}.`,
                fix: step.fix,
            };
        }
        if (step.kind === 'unrecoverable') {
            throw new kit_src/* UserError */.yo(`${capitalised(step.why)}.`, { code: 'unrecoverable-stack', fix: step.fix });
        }
        if (step.kind === 'wait') {
            log(`Stack ${stackName} is ${stack.StackStatus}: waiting for it to finish.`);
            stack = await existingAfterWait(api, stackName, waitOptions);
            continue;
        }
        if (options.dryRun) {
            const line = describeRecoveryStep(step, stackName);
            return {
                outcome: 'planned',
                stack,
                done,
                planned: [line],
                message: `Stack ${stackName} is ${stack.StackStatus}; a run would ${line}.`,
            };
        }
        if (round >= MAX_STEPS || done.some((d) => d.startsWith(callName(step)))) {
            throw stillStuck(stackName, stack, done, undefined);
        }
        const before = stack;
        const monitor = await eventMonitor(api, stack, options);
        monitor?.start();
        try {
            const token = (0,external_node_crypto_.randomUUID)();
            if (step.kind === 'cancel-update')
                await api.cancelUpdateStack(stackName, token);
            else if (step.kind === 'continue-update-rollback')
                await api.continueUpdateRollback(stackName, step.resourcesToSkip, token);
            else
                await api.rollbackStack(stackName, token);
            const skipping = step.kind === 'continue-update-rollback' && step.resourcesToSkip.length > 0
                ? ` skipping ${step.resourcesToSkip.join(', ')}`
                : '';
            done.push(`${callName(step)}${skipping}`);
            log(`Called ${done.at(-1)} on stack ${stackName}; waiting for it to finish.`);
            await operationStarted(api, stackName, before, options);
            stack = await existingAfterWait(api, stackName, waitOptions);
        }
        finally {
            await monitor?.stop();
        }
        const next = recoveryStep(stack, options);
        if (next.kind === 'continue-update-rollback' || next.kind === 'rollback-stack') {
            // The recovery call ran and the stack is stuck again: say which resource failed, not just the status.
            if (done.some((d) => d.startsWith(callName(next)))) {
                const cause = monitor ? (0,diagnosis/* findRootCause */.v$)(monitor.events, stack.StackId ?? stackName) : undefined;
                throw stillStuck(stackName, stack, done, cause ? (0,diagnosis/* describeRootCause */.ze)(cause) : undefined);
            }
        }
    }
}
function callName(step) {
    return step.kind === 'cancel-update'
        ? 'CancelUpdateStack'
        : step.kind === 'continue-update-rollback'
            ? 'ContinueUpdateRollback'
            : 'RollbackStack';
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
async function existing(api, stackName) {
    const stack = await api.describeStack(stackName);
    if (!stack || stack.StackStatus === 'DELETE_COMPLETE') {
        throw new kit_src/* UserError */.yo(`Stack ${stackName} does not exist (in this account and region).`, {
            code: 'stack-not-found',
            fix: 'check `stack-name` and the region (AWS_REGION, or the `region` input).',
        });
    }
    return stack;
}
async function existingAfterWait(api, stackName, waitOptions) {
    const stack = await (0,wait/* waitForStack */.Z)(api, stackName, waitOptions);
    if (!stack) {
        throw new kit_src/* UserError */.yo(`Stack ${stackName} was deleted while hoist waited for it.`, {
            code: 'stack-not-found',
            fix: 'deploy it again with deploy-stack.',
        });
    }
    return stack;
}
/**
 * CloudFormation may answer DescribeStacks with the old status for a moment after a call: waits (briefly) until the
 * status or the time of the last update changes, so the wait that follows does not end on the status from before.
 */
async function operationStarted(api, stackName, before, options) {
    const grace = options.startGraceMs ?? 20_000;
    const changed = (s) => !s ||
        s.StackStatus !== before.StackStatus ||
        (s.LastUpdatedTime?.getTime() ?? 0) !== (before.LastUpdatedTime?.getTime() ?? 0);
    try {
        await (0,src.waitFor)(async () => (changed(await api.describeStack(stackName)) ? true : undefined), {
            description: `stack ${stackName} to leave ${before.StackStatus}`,
            deadline: Math.min(options.deadline, Date.now() + grace),
            intervalMs: Math.min(options.intervalMs ?? 1000, 1000),
            ...(options.signal ? { signal: options.signal } : {}),
        });
    }
    catch (error) {
        // The status did not move: the wait that follows reads it and recovery reports the stack as still stuck.
        if (!(error instanceof src.WaitTimeoutError))
            throw error;
    }
}
/** A monitor of the events newer than the newest one now (CloudFormation's clock, not ours). */
async function eventMonitor(api, stack, options) {
    const id = stack.StackId ?? stack.StackName ?? '';
    let newest;
    try {
        newest = (await api.describeStackEvents(id)).events[0]?.Timestamp;
    }
    catch (error) {
        // Events are for display and diagnosis: recovery works without them.
        options.log?.(`(events) The stack events cannot be read (${error.name}); recovering without them.`);
        return undefined;
    }
    return new events/* StackEventMonitor */.V({
        api,
        stack: id,
        since: new Date((newest?.getTime() ?? Date.now() - 60_000) + 1),
        ...(options.printEvent ? { print: options.printEvent } : {}),
        onError: (message) => options.log?.(`(events) ${message}`),
        ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
    });
}
function stillStuck(stackName, stack, done, cause) {
    const reason = cause ? ` Root cause: ${cause}.` : stack.StackStatusReason ? ` (${stack.StackStatusReason})` : '';
    const skipping = stack.StackStatus === 'UPDATE_ROLLBACK_FAILED';
    return new kit_src/* UserError */.yo(`Stack ${stackName} is still ${stack.StackStatus} after ${done.join(', then ')}.${reason}`, {
        code: 'still-stuck',
        fix: skipping
            ? 'add the logical ids of the resources that cannot be rolled back to `resources-to-skip` (they are left as they are: fix them by hand afterwards), then run rollback again.'
            : 'look at the stack events in the CloudFormation console, fix what they name, then run rollback again.',
    });
}

;// CONCATENATED MODULE: ./actions/rollback/src/choose.ts


/** The stack's parameter values as DescribeStacks shows them (NoEcho ones as `****`). */
function stackParameterValues(stack) {
    return Object.fromEntries((stack.Parameters ?? []).filter((p) => p.ParameterKey).map((p) => [p.ParameterKey ?? '', p.ParameterValue ?? '']));
}
/** Every value the release recorded is the stack's value now (a release with no recorded values matches nothing). */
function matchesStack(release, values) {
    const recorded = Object.entries(release.parameters);
    return recorded.length > 0 && recorded.every(([key, value]) => values[key] === value);
}
const isLive = (r) => r.outcome === 'deployed' || r.outcome === 'unhealthy';
/**
 * The release running now: the newest one whose deploy left it in place — checked against the stack's parameter
 * values, so a deploy whose record was never written (or a change made outside hoist) is not taken for it.
 */
function runningRelease(history, stack) {
    const values = stackParameterValues(stack);
    const current = (0,src_stack.currentRelease)(history);
    if (current && (matchesStack(current, values) || Object.keys(current.parameters).length === 0))
        return current;
    // A deploy that gave up (deadline, cancel) after its change set ran is recorded `failed`; when the update went on
    // and completed, the stack holds its values: that release runs, unverified, and is not the good one.
    const newest = history.releases[0];
    if (newest?.outcome === 'failed' && (0,src_stack.stackPhase)(stack.StackStatus) !== 'rolled-back' && matchesStack(newest, values))
        return newest;
    return history.releases.find((r) => isLive(r) && matchesStack(r, values)) ?? current;
}
/**
 * Releases a later rollback went back past ("rolled back by R"), and the release a running rollback restored:
 * none of them is "the last good release" when none is asked for.
 */
function supersededReleases(history, running) {
    const reasons = new Map();
    const releases = history.releases;
    releases.forEach((rollback, i) => {
        if (rollback.kind !== 'rollback' || !rollback.restores || rollback.outcome !== 'deployed')
            return;
        const restored = releases.findIndex((r, j) => j > i && r.id === rollback.restores);
        const end = restored === -1 ? releases.length : restored;
        for (const r of releases.slice(i + 1, end))
            if (!reasons.has(r.id))
                reasons.set(r.id, `rolled back by ${rollback.id}`);
        if (rollback === running && restored !== -1)
            reasons.set(rollback.restores, `restored by ${rollback.id}, which is running`);
    });
    return reasons;
}
function describe(release) {
    const sha = release.gitSha ? `, commit ${release.gitSha.slice(0, 7)}` : '';
    const kind = release.kind === 'rollback' ? `, a rollback to ${release.restores ?? '?'}` : '';
    return `${release.id} (${release.outcome}${kind}${sha})`;
}
/**
 * Chooses the release to restore. `to`: that release (by id, or the one commit a sha prefix names). Without it:
 * the newest successful release other than the running one — unless CloudFormation already rolled a failed update
 * back, in which case the running release is the good one and there is nothing to do.
 */
function chooseRelease(history, stack, to) {
    const stackName = stack.StackName ?? history.stack;
    const running = runningRelease(history, stack);
    const warnings = [];
    if (history.releases.length === 0) {
        return {
            kind: 'nothing-to-do',
            running,
            why: `stack ${stackName} has no release records (SSM /hoist/${stackName}/releases): it was not deployed by hoist's deploy-stack, so hoist knows no release to go back to`,
            warnings,
        };
    }
    if (to)
        return chooseAsked(history, stackName, to, running, warnings);
    const newest = history.releases[0];
    const cloudFormationRolledBack = (0,src_stack.stackPhase)(stack.StackStatus) === 'rolled-back' ||
        (newest !== undefined && newest !== running && (newest.outcome === 'rolled-back' || newest.outcome === 'failed'));
    if (running?.outcome === 'deployed' && cloudFormationRolledBack) {
        const failed = newest && newest !== running && !isLive(newest) ? ` (release ${newest.id}: ${newest.outcome})` : '';
        return {
            kind: 'nothing-to-do',
            running,
            why: `CloudFormation already rolled the failed update back${failed}: the release running, ${describe(running)}, is the last good one`,
            warnings,
        };
    }
    const superseded = supersededReleases(history, running);
    // Back in time from the running release (a newer record that is not running is not "back").
    const older = running ? history.releases.slice(history.releases.indexOf(running) + 1) : history.releases;
    const target = older.find((r) => r.outcome === 'deployed' && !superseded.has(r.id));
    if (!target) {
        return {
            kind: 'nothing-to-do',
            running,
            why: `there is no successful release before ${running ? `the running one, ${describe(running)}` : 'the current state'}`,
            warnings,
        };
    }
    const skipped = older
        .slice(0, older.indexOf(target))
        .filter((r) => superseded.has(r.id))
        .map((r) => `${r.id} (${superseded.get(r.id)})`);
    const from = running
        ? `the running release ${describe(running)}`
        : 'the current state (no release record matches the stack’s parameters)';
    return {
        kind: 'restore',
        target,
        running,
        why: `it is the newest successful release before ${from}${skipped.length > 0 ? `; skipped ${skipped.join(', ')}` : ''}`,
        warnings,
    };
}
function chooseAsked(history, stackName, to, running, warnings) {
    const known = history.releases
        .slice(0, 5)
        .map((r) => r.id)
        .join(', ');
    let target;
    let asked;
    if (to.kind === 'release-id') {
        asked = `release ${to.id}`;
        target = history.releases.find((r) => r.id === to.id);
        if (!target) {
            throw new kit_src/* UserError */.yo(`Input 'to' is '${to.id}': stack ${stackName} has no such release (${history.releases.length} recorded).`, {
                code: 'unknown-release',
                fix: `pass one of the recorded release ids (newest first: ${known}), or a git sha prefix; the history is in the job summary.`,
            });
        }
    }
    else {
        asked = `commit ${to.prefix}`;
        const matches = history.releases.filter((r) => r.gitSha?.toLowerCase().startsWith(to.prefix));
        const commits = [...new Set(matches.map((r) => r.gitSha?.toLowerCase()))];
        if (matches.length === 0) {
            throw new kit_src/* UserError */.yo(`Input 'to' is '${to.prefix}': no release of stack ${stackName} was deployed from a commit starting with it.`, {
                code: 'unknown-release',
                fix: `pass the sha of a deployed commit or a release id (newest first: ${known}); the history is in the job summary.`,
            });
        }
        if (commits.length > 1) {
            throw new kit_src/* UserError */.yo(`Input 'to' is '${to.prefix}': it names ${commits.length} commits (${commits.map((c) => c?.slice(0, 12)).join(', ')}).`, {
                code: 'ambiguous-release',
                fix: 'give more characters of the sha, or a release id.',
            });
        }
        // A commit may have several records (a deploy, a rollback to it, a failed attempt): the newest that ran.
        target =
            matches.find((r) => r.outcome === 'deployed') ?? matches.find((r) => r.outcome === 'unhealthy') ?? matches[0];
    }
    if (!target)
        throw new Error('unreachable: a release was matched');
    if (!isLive(target)) {
        throw new kit_src/* UserError */.yo(`Input 'to' names release ${target.id}, which never ran: its update ${target.outcome === 'rolled-back' ? 'was rolled back by CloudFormation' : 'failed'}, so there is nothing of it to restore.`, { code: 'release-never-ran', fix: `choose a release whose outcome is deployed (newest first: ${known}).` });
    }
    if (target.outcome === 'unhealthy')
        warnings.push(`Release ${target.id} failed its verification when it was deployed (outcome unhealthy); restoring it as asked.`);
    if (target === running) {
        return {
            kind: 'nothing-to-do',
            running,
            why: `${asked} is the release running now, ${describe(target)}`,
            warnings,
        };
    }
    return { kind: 'restore', target, running, why: `it is the release asked for (to: ${asked})`, warnings };
}

;// CONCATENATED MODULE: ./actions/rollback/src/restore.ts






/**
 * The rollback: bring a stuck stack to a stable state, choose the release, restore its template and exact
 * parameter values (images by digest: nothing is built or pushed) through deploy-stack's deploy path, and record the
 * rollback as a release of its own. Works from AWS state alone: the stack, its release records and the artifacts.
 */
async function rollback(inputs, { reporter, signal }, started, report) {
    const stackName = inputs['stack-name'];
    const dryRun = inputs['dry-run'];
    const deadline = started + inputs['timeout-minutes'];
    const { region } = await (0,src.resolveRegion)(inputs.region);
    const aws = { region, action: 'rollback' };
    const cfn = await (0,src_stack.createCloudFormationApi)(aws, signal);
    const store = await (0,src_stack.createReleaseStoreApi)(aws, signal);
    const result = { report, deploy: undefined };
    const finish = (status, message) => {
        report.status = status;
        report.message = message;
        return result;
    };
    const history = await (0,src_stack.readReleases)(store, stackName, (m) => reporter.info(m));
    report.releases = history.releases;
    const recovery = await recoverStack({ ...cfn, ...(await createRecoveryCalls(aws, signal)) }, stackName, {
        cancelInProgress: inputs['cancel-in-progress'],
        resourcesToSkip: inputs['resources-to-skip'],
        deadline,
        signal,
        dryRun,
        log: (m) => reporter.info(m),
        printEvent: (e) => reporter.info((0,src_stack.formatEvent)(e, stackName)),
    });
    report.stackStatus = recovery.stack.StackStatus;
    if (recovery.done.length > 0)
        report.recovery = recovery.done;
    if (recovery.planned.length > 0)
        report.recovery = recovery.planned;
    const running = runningRelease(history, recovery.stack);
    if (running)
        report.running = running;
    if (recovery.outcome === 'nothing-to-roll-back') {
        return finish('nothing-to-do', `${recovery.message}${recovery.fix ? ` To go on: ${recovery.fix}` : ''}`);
    }
    if (recovery.outcome === 'planned') {
        return finish('nothing-to-do', `Dry run, nothing changed: ${recovery.message}${inputs.to ? ' Then the release asked for in `to` would be restored.' : ''}`);
    }
    // A stack rolled back from its failed first create holds no release to restore onto.
    if (recovery.outcome === 'recovered' && (!inputs.to || recovery.stack.StackStatus === 'ROLLBACK_COMPLETE')) {
        const now = recovery.fix
            ? ` Nothing to roll back to: ${recovery.fix}`
            : running
                ? ` Release ${running.id} is running.`
                : '';
        return finish('recovered', `Stack ${stackName} was ${recovery.stack.StackStatus === 'ROLLBACK_COMPLETE' ? 'rolled back from its failed first create' : 'brought back to its last stable state'} (${recovery.done.join(', then ')}): it is ${recovery.stack.StackStatus}.${now}`);
    }
    const recovered = recovery.outcome === 'recovered' ? `Recovered first (${recovery.done.join(', then ')}). ` : '';
    const choice = chooseRelease(history, recovery.stack, inputs.to);
    for (const warning of choice.warnings)
        reporter.annotate({ level: 'warning', title: 'rollback', message: warning });
    if (choice.kind === 'nothing-to-do') {
        return finish(recovery.outcome === 'recovered' ? 'recovered' : 'nothing-to-do', `${recovered}Nothing to roll back: ${choice.why}.`);
    }
    const target = choice.target;
    report.restored = target;
    report.why = choice.why;
    reporter.info(`Restoring release ${target.id}: ${choice.why}.`);
    const artifacts = lazy(() => (0,src_stack.createArtifactsApi)(aws, signal));
    const template = await restoredTemplate(target, recovery.stack, cfn, artifacts, reporter);
    report.template = template.shown;
    const parsed = (0,cfn_src.parseTemplate)(template.body, { file: template.file });
    const noEcho = new Set([
        ...target.noEcho,
        ...[...parsed.parameters.values()].filter((p) => p.noEcho).map((p) => p.name),
    ]);
    report.parameters = parameterRows(recovery.stack, target, noEcho, reporter);
    if (Object.keys(target.parameters).length === 0) {
        reporter.annotate({
            level: 'warning',
            title: 'rollback',
            message: `Release ${target.id} has no parameter values recorded (they did not fit the release history's size limit): every parameter keeps its current value, only the template goes back.`,
        });
    }
    const kept = report.parameters.filter((r) => r.restored.startsWith('kept (NoEcho'));
    if (kept.length > 0) {
        reporter.annotate({
            level: 'notice',
            title: 'rollback',
            message: `NoEcho parameter${kept.length > 1 ? 's' : ''} ${kept.map((r) => r.name).join(', ')} keep${kept.length > 1 ? '' : 's'} the current value (UsePreviousValue): release records never store NoEcho values.`,
        });
    }
    if (dryRun) {
        return finish('nothing-to-do', `Dry run, nothing changed: ${recovered}release ${target.id} would be restored, ${choice.why}.`);
    }
    const stack = recovery.stack;
    const capabilities = [...new Set([...(0,cfn_src.requiredCapabilities)(parsed).capabilities, ...(stack.Capabilities ?? [])])];
    const deployed = await (0,src_stack.deployStack)({
        stackName,
        template: { body: template.body, file: template.file },
        parameters: target.parameters,
        capabilities,
        // The stack keeps its tags and service role: a rollback changes what the release changed, nothing else.
        tags: Object.fromEntries((stack.Tags ?? []).filter((t) => t.Key).map((t) => [t.Key ?? '', t.Value ?? ''])),
        ...(stack.RoleARN ? { roleArn: stack.RoleARN } : {}),
        ...((inputs['artifacts-bucket'] ?? target.template?.bucket)
            ? { artifactsBucket: inputs['artifacts-bucket'] ?? target.template?.bucket ?? '' }
            : {}),
        deadline,
        onReplacement: 'fail',
        statefulTypes: src_stack.DEFAULT_STATEFUL_TYPES,
        execute: true,
        deletePreview: false,
        recreateFailed: false,
        cancelOnAbort: false,
        ...(inputs['health-check-url'] ? { healthCheckUrl: inputs['health-check-url'] } : {}),
        release: {
            kind: 'rollback',
            restores: target.id,
            // The record describes what runs: the restored release's commit, not the commit of this workflow run.
            ...(target.gitSha ? { gitSha: target.gitSha } : {}),
            ...runner(),
        },
        region,
        signal,
    }, {
        cfn,
        releases: store,
        artifacts,
        ecs: () => (0,src_stack.createEcsApi)(aws),
        autoscaling: () => (0,src_stack.createAutoScalingApi)(aws),
    }, reporter, { onPreview: (_preview, markdown) => (report.preview = markdown) }).catch((error) => {
        if (error instanceof kit_src/* UserError */.yo && error.code === 'stateful-replacement') {
            throw new kit_src/* UserError */.yo(error.message, {
                code: error.code,
                cause: error,
                fix: `restoring release ${target.id} would replace them; if that is meant, deploy its template and parameters with deploy-stack and \`on-replacement: warn\`.`,
            });
        }
        throw error;
    });
    result.deploy = deployed;
    report.stackStatus = deployed.stackStatus ?? report.stackStatus;
    if (deployed.release?.kind === 'rollback') {
        report.recorded = deployed.release;
        report.releases = [deployed.release, ...history.releases.filter((r) => r.id !== deployed.release?.id)];
    }
    switch (deployed.status) {
        case 'deployed':
            return finish('restored', `${recovered}Release ${target.id} is restored on stack ${stackName} (${deployed.stackStatus}).`);
        case 'no-changes':
            return finish(recovery.outcome === 'recovered' ? 'recovered' : 'nothing-to-do', `${recovered}Stack ${stackName} already has the template and parameter values of release ${target.id}: nothing to change.`);
        case 'unhealthy':
            return finish('failed', `${recovered}Release ${target.id} is restored on stack ${stackName}, but its verification failed: ${deployed.message}`);
        default:
            return finish('failed', `${recovered}Restoring release ${target.id} failed: ${deployed.message}`);
    }
}
/** Made once, on first use. */
function lazy(make) {
    let made;
    return () => (made ??= make());
}
/**
 * The release's own template from the artifacts bucket its record names (checked against the recorded checksum);
 * without one, the stack's current template — said so, since only the parameter values then go back.
 */
async function restoredTemplate(release, stack, cfn, artifacts, reporter) {
    const stackName = stack.StackName ?? '';
    const kept = release.template;
    if (kept) {
        const location = `s3://${kept.bucket}/${kept.key}`;
        let body;
        try {
            body = await (await artifacts()).getObject(kept.bucket, kept.key, kept.versionId);
        }
        catch (error) {
            reporter.annotate({
                level: 'warning',
                title: 'rollback template',
                message: `Release ${release.id}'s template cannot be read from ${location} (${(0,src.describeAwsError)(error)}): restoring its parameter values on the stack's current template instead.`,
            });
        }
        if (body !== undefined) {
            if ((0,src_stack.templateChecksum)(body) !== release.templateSha256) {
                throw new kit_src/* UserError */.yo(`The template at ${location} is not the one release ${release.id} deployed (its sha256 differs from the recorded ${release.templateSha256.slice(0, 12)}…).`, {
                    code: 'template-mismatch',
                    fix: 'restore the object version the release names (the bucket is versioned), or choose another release with `to`.',
                });
            }
            reporter.info(`Template of release ${release.id}: ${location}${kept.versionId ? ` (version ${kept.versionId})` : ''}, checksum verified.`);
            return { body, file: location, shown: `release ${release.id}'s own, from ${location}` };
        }
    }
    const body = await cfn.getTemplateBody(stackName);
    const same = (0,src_stack.templateChecksum)(body) === release.templateSha256;
    const file = `the current template of stack ${stackName}`;
    if (same) {
        reporter.info(`Release ${release.id}'s template was not kept in an artifacts bucket; the stack's current template is the same (sha256 matches).`);
        return { body, file, shown: `the stack's current template, which is release ${release.id}'s (sha256 matches)` };
    }
    if (!kept) {
        reporter.annotate({
            level: 'notice',
            title: 'rollback template',
            message: `Release ${release.id} was deployed without an artifacts bucket, so its template was not kept: restoring its parameter values on the stack's current template (set \`artifacts-bucket\` on deploy-stack to make rollbacks restore templates too).`,
        });
    }
    // Kept but unreadable is not "not kept": the summary names where the template should have been.
    const why = kept ? `cannot be read from s3://${kept.bucket}/${kept.key}` : 'was not kept';
    return {
        body,
        file,
        shown: `the stack's current template, with release ${release.id}'s parameter values (its own template ${why})`,
    };
}
/**
 * What each parameter has now and what the rollback gives it. NoEcho values stay (UsePreviousValue) and are never
 * shown: CloudFormation answers `****` for them, but a value read in the clear is masked all the same.
 */
function parameterRows(stack, release, noEcho, reporter) {
    const now = stackParameterValues(stack);
    const names = [...new Set([...Object.keys(now), ...Object.keys(release.parameters)])];
    return names.map((name) => {
        const current = now[name];
        if (noEcho.has(name) || current === '****') {
            if (current && current !== '****')
                reporter.setSecret(current);
            return {
                name,
                current: current === undefined ? undefined : '****',
                restored: 'kept (NoEcho: UsePreviousValue)',
                changed: false,
            };
        }
        const value = release.parameters[name];
        if (value === undefined)
            return { name, current, restored: 'kept (not recorded in the release)', changed: false };
        return { name, current, restored: value, changed: value !== current };
    });
}
/** Who ran this rollback, from the runner's environment. */
/** Who ran the rollback; its git sha is the restored release's (the code that runs), not the workflow's. */
function runner() {
    const { actor, runUrl } = (0,src_stack.runContext)();
    return { ...(actor ? { actor } : {}), ...(runUrl ? { runUrl } : {}) };
}


/***/ })

};

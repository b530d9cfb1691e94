export const id = 138;
export const ids = [138];
export const modules = {

/***/ 9138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeUsageMetric: () => (/* binding */ describeUsageMetric),
/* harmony export */   readAppliedQuota: () => (/* binding */ readAppliedQuota),
/* harmony export */   readUsageMetric: () => (/* binding */ readUsageMetric)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_service_quotas__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2924);
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4085);
/* harmony import */ var _hoist_aws__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6530);



/** `AWS/Usage ResourceCount {Service=ECS, Type=Resource}, statistic Maximum`. */
function describeUsageMetric(metric) {
    const dimensions = Object.entries(metric.dimensions).map(([k, v]) => `${k}=${v}`);
    return `${metric.namespace} ${metric.name}${dimensions.length > 0 ? ` {${dimensions.join(', ')}}` : ''}${metric.statistic ? `, statistic ${metric.statistic}` : ''}`;
}
function usageMetricOf(quota) {
    const metric = quota?.UsageMetric;
    if (!metric?.MetricNamespace || !metric.MetricName)
        return undefined;
    return {
        namespace: metric.MetricNamespace,
        name: metric.MetricName,
        dimensions: { ...metric.MetricDimensions },
        statistic: metric.MetricStatisticRecommendation,
    };
}
/**
 * The account's value of a quota: GetServiceQuota (applied), else GetAWSDefaultServiceQuota, else the table's
 * default. Undefined when nothing answered and hoist has no default for it.
 */
async function readAppliedQuota(client, quota, signal) {
    const input = { ServiceCode: quota.serviceCode, QuotaCode: quota.quotaCode };
    const reasons = [];
    try {
        const answer = await client.send(new _aws_sdk_client_service_quotas__WEBPACK_IMPORTED_MODULE_1__.GetServiceQuotaCommand(input), { abortSignal: signal });
        const usageMetric = usageMetricOf(answer.Quota);
        if (answer.Quota?.Value !== undefined)
            return {
                value: answer.Quota.Value,
                source: 'applied',
                ...(answer.Quota.QuotaName ? { name: answer.Quota.QuotaName } : {}),
                ...(usageMetric ? { usageMetric } : {}),
            };
        reasons.push('GetServiceQuota gave no value');
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        reasons.push(`GetServiceQuota: ${(0,_hoist_aws__WEBPACK_IMPORTED_MODULE_0__.classifyAwsError)(error).name}`);
    }
    try {
        const answer = await client.send(new _aws_sdk_client_service_quotas__WEBPACK_IMPORTED_MODULE_1__.GetAWSDefaultServiceQuotaCommand(input), { abortSignal: signal });
        const usageMetric = usageMetricOf(answer.Quota);
        if (answer.Quota?.Value !== undefined) {
            return {
                value: answer.Quota.Value,
                source: 'aws-default',
                fallbackReason: reasons.join('; '),
                ...(answer.Quota.QuotaName ? { name: answer.Quota.QuotaName } : {}),
                ...(usageMetric ? { usageMetric } : {}),
            };
        }
        reasons.push('GetAWSDefaultServiceQuota gave no value');
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        reasons.push(`GetAWSDefaultServiceQuota: ${(0,_hoist_aws__WEBPACK_IMPORTED_MODULE_0__.classifyAwsError)(error).name}`);
    }
    if (quota.defaultValue === undefined)
        return undefined;
    return { value: quota.defaultValue, source: 'table', fallbackReason: reasons.join('; ') };
}
/**
 * The newest datapoint of a quota's usage metric (AWS/Usage, published every minute or so), over the last two hours
 * in 5-minute periods with the statistic Service Quotas recommends. For quotas hoist has no probe of its own.
 */
async function readUsageMetric(cloudWatch, metric, signal, now = new Date()) {
    const statistic = ['Maximum', 'Average', 'Sum', 'Minimum', 'SampleCount'].find((s) => s === metric.statistic);
    try {
        const answer = await cloudWatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__.GetMetricStatisticsCommand({
            Namespace: metric.namespace,
            MetricName: metric.name,
            Dimensions: Object.entries(metric.dimensions).map(([Name, Value]) => ({ Name, Value })),
            StartTime: new Date(now.getTime() - 2 * 60 * 60_000),
            EndTime: now,
            Period: 300,
            Statistics: [statistic ?? 'Maximum'],
        }), { abortSignal: signal });
        const newest = [...(answer.Datapoints ?? [])]
            .filter((d) => d.Timestamp !== undefined)
            .sort((a, b) => (b.Timestamp?.getTime() ?? 0) - (a.Timestamp?.getTime() ?? 0))[0];
        const value = newest?.[statistic ?? 'Maximum'];
        if (value === undefined)
            return { value: undefined, reason: 'the usage metric has no datapoint in the last two hours' };
        return { value };
    }
    catch (error) {
        return { value: undefined, reason: `the usage metric could not be read (${(0,_hoist_aws__WEBPACK_IMPORTED_MODULE_0__.describeAwsError)(error)})` };
    }
}


/***/ })

};

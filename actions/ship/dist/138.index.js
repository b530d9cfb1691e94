export const id = 138;
export const ids = [138];
export const modules = {

/***/ 9138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeUsageMetric: () => (/* binding */ describeUsageMetric),
/* harmony export */   readAppliedQuota: () => (/* binding */ readAppliedQuota)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_service_quotas__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2924);
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


/***/ })

};

export const id = 427;
export const ids = [427];
export const modules = {

/***/ 2427:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   stackResources: () => (/* binding */ stackResources)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3805);
/* harmony import */ var _hoist_aws__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6530);


/**
 * The resources a stack has now; undefined when the stack does not exist (a first deploy counts everything).
 * Deleted resources are left out.
 */
async function stackResources(client, stackName, signal) {
    const types = new Map();
    const physicalIds = new Map();
    let token;
    try {
        do {
            const page = await client.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_1__.ListStackResourcesCommand({ StackName: stackName, NextToken: token }), {
                abortSignal: signal,
            });
            for (const r of page.StackResourceSummaries ?? []) {
                if (!r.LogicalResourceId || !r.ResourceType || r.ResourceStatus === 'DELETE_COMPLETE')
                    continue;
                types.set(r.LogicalResourceId, r.ResourceType);
                if (r.PhysicalResourceId)
                    physicalIds.set(r.LogicalResourceId, r.PhysicalResourceId);
            }
            token = page.NextToken;
        } while (token);
    }
    catch (error) {
        if ((0,_hoist_aws__WEBPACK_IMPORTED_MODULE_0__.classifyAwsError)(error).kind === 'not-found')
            return undefined;
        throw error;
    }
    return { types, physicalIds };
}


/***/ })

};

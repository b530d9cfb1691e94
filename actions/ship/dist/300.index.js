export const id = 300;
export const ids = [300];
export const modules = {

/***/ 9300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createRemoteValidator: () => (/* binding */ createRemoteValidator)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3805);
/* harmony import */ var _hoist_aws__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6530);


/** CloudFormation's own ValidateTemplate, through the one client factory; imported only when it runs. */
async function createRemoteValidator(regionInput) {
    const { region } = await (0,_hoist_aws__WEBPACK_IMPORTED_MODULE_0__.resolveRegion)(regionInput);
    const client = (0,_hoist_aws__WEBPACK_IMPORTED_MODULE_0__.createClient)(_aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_1__.CloudFormationClient, { region, action: 'cfn-validate' });
    return async (body, signal) => {
        try {
            await client.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_1__.ValidateTemplateCommand({ TemplateBody: body }), { abortSignal: signal });
            return { ok: true };
        }
        catch (error) {
            const e = (0,_hoist_aws__WEBPACK_IMPORTED_MODULE_0__.classifyAwsError)(error);
            // CloudFormation answers every template problem with ValidationError (whatever the wording).
            if (e.kind === 'validation' || e.name === 'ValidationError')
                return { ok: false, kind: 'rejected', message: e.message };
            return { ok: false, kind: 'unavailable', message: `${e.name}: ${e.message}` };
        }
    };
}


/***/ })

};

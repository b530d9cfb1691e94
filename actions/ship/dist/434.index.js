export const id = 434;
export const ids = [434];
export const modules = {

/***/ 7434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   secretsManagerApi: () => (/* binding */ secretsManagerApi)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2994);
/* harmony import */ var _hoist_aws__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6530);



/**
 * Every write that makes a version carries a ClientRequestToken chosen here, once per logical write: the SDK sends
 * the same request (same token) on each of its retries, so a write whose answer was lost is not done twice, and the
 * token has nothing to do with the value, so A→B→A makes A current again. (The SDK fills an omitted token at
 * serialization, which runs once per `send`, before its retry loop; setting it here keeps that guarantee in view.)
 */
function secretsManagerApi(aws, signal) {
    const client = (0,_hoist_aws__WEBPACK_IMPORTED_MODULE_1__.createClient)(_aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__.SecretsManagerClient, aws);
    const options = { abortSignal: signal };
    return {
        async describe(name) {
            try {
                const s = await client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__.DescribeSecretCommand({ SecretId: name }), options);
                return {
                    arn: s.ARN ?? '',
                    deletedDate: s.DeletedDate,
                    hasCurrentValue: Object.values(s.VersionIdsToStages ?? {}).some((stages) => stages.includes('AWSCURRENT')),
                    description: s.Description,
                    kmsKeyId: s.KmsKeyId,
                    tags: Object.fromEntries((s.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
                };
            }
            catch (error) {
                if ((0,_hoist_aws__WEBPACK_IMPORTED_MODULE_1__.classifyAwsError)(error).name === 'ResourceNotFoundException')
                    return undefined;
                throw error;
            }
        },
        async currentValue(arn) {
            try {
                const v = await client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__.GetSecretValueCommand({ SecretId: arn, VersionStage: 'AWSCURRENT' }), options);
                if (v.SecretString !== undefined)
                    return { kind: 'string', value: v.SecretString };
                return v.SecretBinary !== undefined ? { kind: 'binary' } : { kind: 'none' };
            }
            catch (error) {
                if ((0,_hoist_aws__WEBPACK_IMPORTED_MODULE_1__.classifyAwsError)(error).name === 'ResourceNotFoundException')
                    return { kind: 'none' };
                throw error;
            }
        },
        async create({ name, value, description, kmsKeyId, tags }) {
            const tagList = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
            const created = await client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__.CreateSecretCommand({
                Name: name,
                SecretString: value,
                ClientRequestToken: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(),
                ...(description !== undefined ? { Description: description } : {}),
                ...(kmsKeyId !== undefined ? { KmsKeyId: kmsKeyId } : {}),
                ...(tagList.length > 0 ? { Tags: tagList } : {}),
            }), options);
            return { arn: created.ARN ?? '' };
        },
        async putValue(arn, value) {
            // Without VersionStages the new version becomes AWSCURRENT and the one before it AWSPREVIOUS.
            await client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__.PutSecretValueCommand({ SecretId: arn, SecretString: value, ClientRequestToken: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)() }), options);
        },
        async restore(arn) {
            await client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__.RestoreSecretCommand({ SecretId: arn }), options);
        },
        async tag(arn, tags) {
            await client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__.TagResourceCommand({ SecretId: arn, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }), options);
        },
        async setDescription(arn, description) {
            // UpdateSecret without a value changes metadata only: no new version.
            await client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__.UpdateSecretCommand({ SecretId: arn, Description: description }), options);
        },
    };
}


/***/ })

};

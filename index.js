'use strict';

// n8n loads the classes through package.json#n8n; this entry point lets other tools require them.
module.exports = {
	UiPathIdentity: require('./dist/nodes/UiPathIdentity/UiPathIdentity.node.js').UiPathIdentity,
	UiPathIdentityApi: require('./dist/credentials/UiPathIdentityApi.credentials.js').UiPathIdentityApi,
};

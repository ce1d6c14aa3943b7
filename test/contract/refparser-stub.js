'use strict';

// jest cannot load the ES module reference parser that openapi-backend's entry pulls in. The
// contract validator dereferences the contract itself (test/contract/validator.js), so under jest
// the parser is replaced by this stub, which refuses to be used.
function unavailable() {
	throw new Error('The JSON-schema reference parser is stubbed under jest (see jest.config.js)');
}

module.exports = { parse: unavailable, dereference: unavailable, resolve: unavailable };

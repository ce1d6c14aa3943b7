import nock from 'nock';

import { installNockContractCheck, takeContractViolations } from './contract/nock-check';
import { forgetCredentialFlights } from '../nodes/UiPathIdentity/transport/token-flight';

// No test may reach a real network; every interceptor a test declares must be used.
// Jest runs several test files in one worker process: each file gets a fresh nock module, so it
// re-activates its own interception and releases it afterwards.
// Every request to and faked answer of an interceptor is checked against test/contract/identity-api.yaml.
installNockContractCheck();

beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
});
afterEach(() => {
	const pending = nock.pendingMocks();
	const offContract = takeContractViolations(expect.getState().currentTestName);
	nock.cleanAll();
	// Each case runs as in a fresh n8n process: no token remembered from the case before.
	forgetCredentialFlights();
	expect(pending).toEqual([]);
	expect(offContract).toEqual([]);
});
afterAll(() => {
	nock.enableNetConnect();
	nock.restore();
});

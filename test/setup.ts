import nock from 'nock';

// No test may reach a real network; every interceptor a test declares must be used.
// Jest runs several test files in one worker process: each file gets a fresh nock module, so it
// re-activates its own interception and releases it afterwards.
beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
});
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});
afterAll(() => {
	nock.enableNetConnect();
	nock.restore();
});

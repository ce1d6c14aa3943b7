import nock from 'nock';

// No test may reach a real network; every interceptor a test declares must be used.
beforeAll(() => nock.disableNetConnect());
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});

import nock from 'nock';

// No test may reach a real network; every interceptor a test declares must be used.
// Jest may run several test files in one process (--runInBand, or one worker on small machines):
// each file loads its own nock but Node's http module is shared, so the interception is switched
// on for each file and off again after it, or the next file's nock would never see a request.
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

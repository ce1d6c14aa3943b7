import { answer, answerTheRest, cells, expectSuccess, runOp } from './matrix';
import type { Operation } from './matrix';

describe('Matrix control: every operation succeeds on good answers', () => {
	it.each(cells<[]>([['good answers']]))('%s', async (_name, op: Operation) => {
		answer(op.first);
		answerTheRest(op);

		const run = await runOp(op);

		expectSuccess(run, op);
		expect(run.leaks).toEqual([]);
	});
});

import type { IDataObject } from 'n8n-workflow';

import { answer, answerBefore, cells, expectItemFailure, reads, runOp } from './matrix';
import type { Operation } from './matrix';

/**
 * Class b: the answer of each operation has the wrong shape. A read fails the item naming what came
 * and what was expected; nothing becomes a (possibly empty) success. A change (PUT, POST, DELETE)
 * takes a 2xx status as its answer (UiPath answers some changes with no body, and the change was
 * applied): its output is built from what was sent, never from the stray body. Only an answer that
 * cannot be read at all (an HTML page) fails a change, saying it may have been applied.
 */

type Shape = (op: Operation) => {
	body: unknown;
	headers?: Record<string, string>;
};
const json = { 'Content-Type': 'application/json' };
const wrongContainer: Shape = (op) => {
	const good = op.first.body as IDataObject | IDataObject[];
	return { body: Array.isArray(good) ? { ...good[0] } : [good] };
};
const HTML = '<html><body><h1>502 Bad Gateway</h1></body></html>';

const shapes: Array<[string, Shape, string]> = [
	['empty 200 body', () => ({ body: '' }), 'an empty body'],
	['JSON null', () => ({ body: 'null', headers: json }), 'null'],
	['a number', () => ({ body: '42', headers: json }), 'a number'],
	['a list for an object, an object for a list', wrongContainer, ''],
	['plain text', () => ({ body: 'OK', headers: { 'Content-Type': 'text/plain' } }), 'text'],
];

describe('Matrix class b: a read answered with the wrong shape fails the item', () => {
	it.each(cells<[Shape, string]>(shapes, reads))('%s', async (_name, op, shape, got) => {
		answerBefore(op);
		answer({ ...op.first, status: 200, ...shape(op) });

		const run = await runOp(op);

		const expected = Array.isArray(op.first.body) ? 'a list' : 'an object';
		const what = got || (expected === 'a list' ? 'an object' : 'a list');
		expectItemFailure(run, new RegExp(`^UiPath answered HTTP 200 with ${what} where ${expected} was expected \\[item 0\\]$`));
		expect(run.error?.description).toMatch(/^A proxy or gateway may have answered instead of UiPath/);
	});

	it.each(cells<[]>([['an HTML error page with status 200']], reads))('%s', async (_name, op) => {
		answerBefore(op);
		answer({
			...op.first,
			status: 200,
			body: HTML,
			headers: { 'Content-Type': 'text/html' },
		});

		const run = await runOp(op);

		expectItemFailure(run, /^UiPath answered HTTP 200 with a body that is not valid JSON \[item 0\]$/);
	});
});

describe('Matrix class b: a change answered with a stray body reports what was sent', () => {
	it.each(cells<[Shape, string]>(shapes, (op) => !reads(op)))('%s (documented: the 2xx status is the answer)', async (_name, op, shape) => {
		answerBefore(op);
		answer({
			...op.first,
			status: op.first.status === 204 ? 200 : op.first.status,
			...shape(op),
		});

		const run = await runOp(op);

		// The operation's own output: exactly one item, with the IDs and values it sent.
		expect(run.error).toBeUndefined();
		expect(run.outputs[0]).toHaveLength(1);
		expect(run.outputs[0][0].json).toEqual(expect.objectContaining(op.bodiless ?? op.success[0]));
		expect(JSON.stringify(run.outputs[0][0].json)).not.toMatch(/\b42\b|"OK"/);
		expect(run.outputs[0][0].pairedItem).toEqual({ item: 0 });
	});

	it.each(cells<[]>([['an HTML error page with status 200']], (op) => !reads(op)))(
		'%s: fails, the change may have been applied',
		async (_name, op) => {
			answerBefore(op);
			answer({
				...op.first,
				status: 200,
				body: HTML,
				headers: { 'Content-Type': 'text/html' },
			});

			const run = await runOp(op);

			expectItemFailure(run, /^UiPath answered HTTP 200 with a body that is not valid JSON \[item 0\]$/);
			expect(run.error?.description).toMatch(/^The request may have been applied although its answer could not be read/);
		},
	);
});

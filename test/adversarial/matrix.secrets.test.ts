import type { IDataObject } from 'n8n-workflow';

import { CLIENT_SECRET, TOKEN, tokenSpellings } from './data';
import { answer, answerBefore, answerTheRest, cells, expectItemFailure, expectSuccess, runOp } from './matrix';
import type { Operation } from './matrix';

/**
 * Class a: UiPath's answer quotes the access token (every spelling), the client secret or a password
 * of the item, in a 400 error body and in a successful answer. Nothing of it may reach the output, the
 * error, the stored run data or the logs (`runAndScan`), and the item still fails or succeeds as it should.
 */

type Echo = (op: Operation) => string;
const spellings: Array<[string, Echo]> = [
	...tokenSpellings.map(([label, echo]): [string, Echo] => [`token echoed as ${label}`, () => echo]),
	['token echoed JSON-escaped inside a JSON string', () => JSON.stringify(JSON.stringify({ authorization: `Bearer ${TOKEN}` }))],
	['client secret echoed', () => `client_secret=${CLIENT_SECRET}`],
];
/** A cell per password the operation's item carries. */
const passwordCells = (which: 0 | 1): Array<[string, Echo]> => [
	[`password ${which + 1} of the item echoed`, (op) => `'${op.passwords?.[which]}' is not allowed`],
];

/** `body` with `echo` added to every object in it (a note field UiPath does not send, kept by raw output). */
function withEcho(body: unknown, echo: string): unknown {
	if (typeof body === 'function') return (request: IDataObject) => withEcho((body as (r: IDataObject) => unknown)(request), echo);
	if (Array.isArray(body)) return body.map((entry) => withEcho(entry, echo));
	if (body === null || typeof body !== 'object') return body;
	return {
		...Object.fromEntries(Object.entries(body).map(([key, value]) => [key, withEcho(value, echo)])),
		note: `see ${echo}`,
	};
}

const allCells = () => [
	...cells<[Echo]>(spellings),
	...cells<[Echo]>(passwordCells(0), (op) => (op.passwords?.length ?? 0) > 0),
	...cells<[Echo]>(passwordCells(1), (op) => (op.passwords?.length ?? 0) > 1),
];

describe('Matrix class a: secrets echoed in a 400 body', () => {
	it.each(allCells().map(([name, ...rest]) => [`${name} in a 400 body`, ...rest] as const))('%s', async (_name, op, echo) => {
		answerBefore(op);
		answer({
			...op.first,
			status: 400,
			body: {
				message: `Bad request: ${echo(op)}`,
				errors: { field: [echo(op)] },
			},
		});

		const run = await runOp(op);

		expectItemFailure(run, /^UiPath /);
		expect(run.leaks).toEqual([]);
	});
});

describe('Matrix class a: secrets echoed in a successful answer', () => {
	const answering = (op: Operation) => op.first.body !== undefined;
	const successCells = [
		...cells<[Echo]>(spellings, answering),
		...cells<[Echo]>(passwordCells(0), (op) => answering(op) && !!op.passwords?.length),
	];

	it.each(
		successCells.map(
			([name, ...rest]) =>
				[`${name} in a ${name.includes('→ Sync') || name.includes('Remove From') ? 'read' : '2xx'} answer`, ...rest] as const,
		),
	)('%s', async (_name, op, echo) => {
		answerTheRest(op);
		answer({ ...op.first, body: withEcho(op.first.body, echo(op)) });

		const run = await runOp(op);

		expectSuccess(run, op);
		expect(run.leaks).toEqual([]);
		// Raw output keeps UiPath's fields: the echo reached the item, masked (so the scan above could fail).
		if (op.parameters.output === 'raw') expect(run.outputs[0][0].json.note).toMatch(/^see .*\*\*\*/);
	});
});

describe('Matrix control: every operation succeeds on good answers', () => {
	it.each(cells<[]>([['good answers']]))('%s', async (_name, op) => {
		answerTheRest(op);
		answer(op.first);

		const run = await runOp(op);

		expectSuccess(run, op);
		expect(run.leaks).toEqual([]);
	});
});

import type { IDataObject } from 'n8n-workflow';

import { NODE_NAME, runNode } from '../harness/run-workflow';
import type { RunOptions, RunResult } from '../harness/run-workflow';

/** Seed of every fast-check property in the adversarial suite: CI runs the same cases each time. */
export const FC_SEED = 20251202;

/**
 * Short secrets (fewer characters than this) are looked for only standing alone, as a word:
 * a one-letter password occurs inside every sentence.
 */
const WHOLE_WORD_BELOW = 4;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every spelling a secret can take on its way to a message, an item or a log line. */
export function secretForms(secret: string): string[] {
	const json = JSON.stringify(secret).slice(1, -1);
	const forms = new Set([
		secret,
		json,
		// JSON inside JSON (a stored error whose message quotes a JSON answer).
		JSON.stringify(json).slice(1, -1),
		encodeURIComponent(secret),
		secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
		Buffer.from(secret).toString('base64'),
	]);
	return [...forms].filter((form) => form.length > 0);
}

/** The secrets of `secrets` that occur in `text`, in any spelling. */
export function findLeaks(text: string, secrets: string[]): string[] {
	return secrets.filter((secret) => {
		if (!secret) return false;
		return secretForms(secret).some((form) =>
			secret.length < WHOLE_WORD_BELOW
				? new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'u').test(text)
				: text.includes(form),
		);
	});
}

/** Text of a value including what JSON.stringify skips: error messages, descriptions, stacks, causes. */
export function allText(value: unknown): string {
	const seen = new Set<unknown>();
	const parts: string[] = [];
	const walk = (entry: unknown, depth: number) => {
		if (entry === null || entry === undefined || depth > 40) return;
		if (typeof entry === 'string') return void parts.push(entry);
		if (typeof entry !== 'object') return void parts.push(String(entry));
		if (seen.has(entry)) return;
		seen.add(entry);
		if (entry instanceof Error) {
			parts.push(entry.message, entry.stack ?? '');
			walk((entry as { cause?: unknown }).cause, depth + 1);
			walk((entry as { description?: unknown }).description, depth + 1);
		}
		for (const key of Object.keys(entry)) {
			parts.push(key);
			walk((entry as IDataObject)[key], depth + 1);
		}
	};
	walk(value, 0);
	return parts.join('\n');
}

declare const captureProcessOutput: (run: () => Promise<unknown>) => Promise<string>;

export interface ScannedRun extends RunResult {
	/** Everything n8n's logger and the console printed during the run. */
	logs: string;
	/** Everything scanned: output items, error, stored run data (but the input node's), logs. */
	shown: string;
	/** The secrets found in `shown`: must be empty. */
	leaks: string[];
}

/**
 * Runs a workflow through the real n8n-core harness and scans the whole result for `secrets`:
 * output items (all branches), the execution error with message, description, stack and cause,
 * the stored run data of every node but the input node (whose items the test supplied, so they
 * may carry a password on purpose), and every log line and console message of the run.
 */
export async function runAndScan(options: RunOptions, secrets: string[]): Promise<ScannedRun> {
	const lines: string[] = [];
	const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
		jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
			lines.push(args.map((arg) => allText(arg)).join(' '));
		}),
	);
	let result: RunResult | undefined;
	try {
		lines.push(await captureProcessOutput(async () => (result = await runNode(options))));
	} finally {
		spies.forEach((spy) => spy.mockRestore());
	}
	const run = result as RunResult;
	const stored = { ...run.run.data.resultData.runData };
	delete stored.Input;
	const logs = lines.join('\n');
	const shown = [
		JSON.stringify(run.outputs),
		allText(run.outputs),
		allText(run.error),
		JSON.stringify(stored),
		allText(stored[NODE_NAME]),
		JSON.stringify(run.run.data.resultData.error ?? null),
		logs,
	].join('\n');
	return { ...run, logs, shown, leaks: findLeaks(shown, secrets) };
}

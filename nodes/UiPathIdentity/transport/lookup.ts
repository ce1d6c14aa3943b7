import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { toNodeError } from './errors';
import type { RequestSubject } from './errors';
import { CREDENTIAL_TYPE } from './index';

export interface LookupRequest extends RequestSubject {
	/** Built with `apiPath()`, relative to the Identity API base URL of the credential. */
	path: string;
	qs?: Record<string, string | number>;
}

/**
 * GET for the editor's dropdowns and "From list" searches, where there is no input item and no
 * execution (so no Request Options, pacing or retries): same credential, same URL rules, same
 * error mapping as `identityRequest`.
 */
export async function identityLookup<T>(this: ILoadOptionsFunctions, request: LookupRequest): Promise<T> {
	try {
		return (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: 'GET',
			url: request.path,
			qs: request.qs,
			json: true,
		})) as T;
	} catch (error) {
		const mapped = toNodeError(this.getNode(), error, 0, request);
		// A dropdown has no items: drop the "[item 0]" suffix the execution path adds.
		mapped.message = mapped.message.replace(/ \[item 0\]$/, '');
		throw mapped;
	}
}

import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { isIdentityResult, toNodeError } from './errors';
import type { IdentityResultBody, RequestSubject } from './errors';

export const CREDENTIAL_TYPE = 'uiPathIdentityApi';

export interface IdentityRequest extends RequestSubject {
	method: IHttpRequestMethods;
	/** Built with `apiPath()`, relative to the Identity API base URL of the credential. */
	path: string;
	qs?: IDataObject;
	/** An object, or a list for endpoints such as InviteUsers that take a JSON array. */
	body?: IDataObject | IDataObject[];
	/** Return an HTTP 400 IdentityResult as data instead of failing (UiPath reports rule failures so). */
	identityResultAsData?: boolean;
	/** Return `NOT_FOUND` on HTTP 404 instead of failing, for operations where "already gone" is fine. */
	notFoundAsData?: boolean;
}

/** What `identityRequest` returns for a 404 when `notFoundAsData` is set. */
export const NOT_FOUND = Object.freeze({ notFound: true });

/**
 * Every call to UiPath Identity goes through here: the credential adds the token, the base URL
 * for the deployment and the organization ID; failures become one clear n8n error.
 */
export async function identityRequest<T = IDataObject>(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex: number,
	request: IdentityRequest,
): Promise<T> {
	try {
		return (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: request.method,
			url: request.path,
			qs: request.qs,
			body: request.body,
			// ASP.NET binds a list from a repeated key (`sourceFilter=a&sourceFilter=b`), not `a[0]=`.
			arrayFormat: 'repeat',
			json: true,
		})) as T;
	} catch (error) {
		const data = (error as { httpCode?: string; context?: { data?: unknown } }).context?.data;
		if (request.notFoundAsData && (error as { httpCode?: string }).httpCode === '404') return NOT_FOUND as T;
		if (request.identityResultAsData && (error as { httpCode?: string }).httpCode === '400') {
			if (isIdentityResult(data)) return data as IdentityResultBody as T;
		}
		throw toNodeError(this.getNode(), error, itemIndex, request);
	}
}

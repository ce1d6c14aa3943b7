import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { isIdentityResult, toNodeError } from './errors';
import type { IdentityResultBody, RequestSubject } from './errors';

export const CREDENTIAL_TYPE = 'uiPathIdentityApi';

export interface IdentityRequest extends RequestSubject {
	method: IHttpRequestMethods;
	/** Built with `apiPath()`, relative to the Identity API base URL of the credential. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Return an HTTP 400 IdentityResult as data instead of failing (UiPath reports rule failures so). */
	identityResultAsData?: boolean;
}

/**
 * Every call to UiPath Identity goes through here: the credential adds the token, the base URL
 * for the deployment and the organization ID; failures become one clear n8n error.
 */
export async function identityRequest<T = IDataObject>(
	this: IExecuteFunctions,
	itemIndex: number,
	request: IdentityRequest,
): Promise<T> {
	try {
		return (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: request.method,
			url: request.path,
			qs: request.qs,
			// ASP.NET binds repeated keys (`key=a&key=b`); n8n's default would send `key[0]=a`.
			arrayFormat: 'repeat',
			body: request.body,
			json: true,
		})) as T;
	} catch (error) {
		const data = (error as { httpCode?: string; context?: { data?: unknown } }).context?.data;
		if (request.identityResultAsData && (error as { httpCode?: string }).httpCode === '400') {
			if (isIdentityResult(data)) return data as IdentityResultBody as T;
		}
		throw toNodeError(this.getNode(), error, itemIndex, request);
	}
}

import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { endpoint, endpoints } from '../transport/endpoints';
import { searchPage } from './users';

/** "Invoice Bot (invoice-bot)", or the name alone. */
function robotAccountLabel(robot: IDataObject): string {
	const name = String(robot.name ?? robot.id);
	const displayName = String(robot.displayName ?? '').trim();
	return displayName && displayName !== name ? `${displayName} (${name})` : name;
}

/** Robot accounts for the "From List" mode of Robot Account: searchable, paged like users. */
export async function searchRobotAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(this, endpoint(endpoints.robotAccountList), robotAccountLabel, filter, paginationToken);
}

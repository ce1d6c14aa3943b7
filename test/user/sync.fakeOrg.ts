import nock from 'nock';

import { CLOUD, CLOUD_API, ORG_ID } from '../fixtures';

/** One request the node sent to the fake organization. */
export interface SentRequest {
	method: string;
	path: string;
	body?: unknown;
}

export interface FakeUser {
	id: string;
	userName: string;
	email: string;
	name?: string;
	surname?: string;
	displayName?: string;
	isActive: boolean;
	type: number;
	category: number;
	groupIDs: string[] | null;
}

export interface FakeGroup {
	id: string;
	name: string;
	type: number;
}

/**
 * A small stateful UiPath organization behind nock, for tests that run the node twice: lists
 * users page by page, answers groups, applies PUT /api/User/{id}, BulkCreate and bulk DELETE, and
 * records every request. Every interceptor is optional, so a run that sends nothing passes.
 */
export class FakeOrg {
	readonly sent: SentRequest[] = [];

	constructor(
		public users: FakeUser[],
		public groups: FakeGroup[],
		/** Leave groupIDs out of list answers, as some UiPath versions may. */
		private readonly listWithoutGroups = false,
	) {}

	get changes(): SentRequest[] {
		return this.sent.filter((request) => request.method !== 'GET');
	}

	user(id: string): FakeUser | undefined {
		return this.users.find((user) => user.id === id);
	}

	mock(): void {
		const scope = nock(CLOUD).persist();
		scope
			.get(`${CLOUD_API}/User/users/${ORG_ID}`)
			.query(true)
			.optionally()
			.reply((uri) => {
				const query = new URL(uri, CLOUD).searchParams;
				this.sent.push({ method: 'GET', path: uri });
				const top = Number(query.get('top') ?? 10);
				const skip = Number(query.get('skip') ?? 0);
				const sorted = [...this.users].sort((a, b) => a.id.localeCompare(b.id));
				const results = sorted
					.slice(skip, skip + top)
					.map((user) => (this.listWithoutGroups ? { ...user, groupIDs: null } : user));
				return [200, { totalCount: this.users.length, results }];
			});
		scope
			.get(`${CLOUD_API}/Group/${ORG_ID}`)
			.optionally()
			.reply((uri) => {
				this.sent.push({ method: 'GET', path: uri });
				return [200, this.groups];
			});
		scope
			.get(/\/acme\/identity_\/api\/User\/[0-9a-f-]{36}$/)
			.optionally()
			.reply((uri) => {
				this.sent.push({ method: 'GET', path: uri });
				const user = this.user(uri.split('/').pop()!);
				return user ? [200, user] : [404, {}];
			});
		scope
			.put(/\/acme\/identity_\/api\/User\/[0-9a-f-]{36}$/)
			.optionally()
			.reply((uri, body) => {
				this.sent.push({ method: 'PUT', path: uri, body });
				const user = this.user(uri.split('/').pop()!);
				if (!user) return [404, {}];
				const change = body as Record<string, unknown>;
				for (const field of ['name', 'surname', 'displayName', 'email'] as const) {
					if (typeof change[field] === 'string') user[field] = change[field] as string;
				}
				if (typeof change.isActive === 'boolean') user.isActive = change.isActive;
				const remove = new Set((change.groupIDsToRemove as string[] | undefined) ?? []);
				user.groupIDs = [
					...(user.groupIDs ?? []).filter((id) => !remove.has(id)),
					...((change.groupIDsToAdd as string[] | undefined) ?? []),
				];
				return [200, { succeeded: true, errors: [] }];
			});
		scope
			.post(`${CLOUD_API}/User/BulkCreate`)
			.optionally()
			.reply((uri, body) => {
				this.sent.push({ method: 'POST', path: uri, body });
				const command = body as { users: Array<Record<string, string>>; groupIDs?: string[] };
				const everyone = this.groups.find((group) => group.name === 'Everyone')?.id;
				const created = command.users.map(
					(user): FakeUser => ({
						id: user.id,
						userName: user.userName,
						email: user.email ?? '',
						name: user.name,
						surname: user.surname,
						displayName: user.displayName,
						isActive: true,
						type: 0,
						category: 0,
						groupIDs: [...(everyone ? [everyone] : []), ...(command.groupIDs ?? [])],
					}),
				);
				this.users.push(...created);
				return [200, { result: { succeeded: true, errors: [] }, users: created }];
			});
		scope
			.delete(`${CLOUD_API}/User`)
			.optionally()
			.reply((uri, body) => {
				this.sent.push({ method: 'DELETE', path: uri, body });
				const ids = new Set((body as { userIds: string[] }).userIds);
				this.users = this.users.filter((user) => !ids.has(user.id));
				return [204];
			});
	}
}

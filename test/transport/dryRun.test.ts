import {
	REDACTED,
	beginDryRun,
	endDryRun,
	isDryRun,
	recordIfDryRun,
	redactBody,
} from '../../nodes/UiPathIdentity/transport/dryRun';

describe('Dry Run recorder', () => {
	it('records changes of items in dry-run mode only, never reads', () => {
		const ctx = {};
		beginDryRun(ctx, [1]);
		expect(recordIfDryRun(ctx, 0, { method: 'PUT', path: '/api/User/x', scope: 'PM.User', body: { isActive: false } })).toBe(false);
		expect(recordIfDryRun(ctx, 1, { method: 'GET', path: '/api/User/x', scope: 'PM.User' })).toBe(false);
		expect(recordIfDryRun(ctx, 1, { method: 'PUT', path: '/api/User/x', scope: 'PM.User', body: { isActive: false } })).toBe(true);
		expect(recordIfDryRun(ctx, 1, { method: 'DELETE', path: '/api/User/x', scope: 'PM.User' })).toBe(true);
		expect(isDryRun(ctx, 1)).toBe(true);
		expect(endDryRun(ctx, 1)).toEqual([
			{ method: 'PUT', path: '/api/User/x', body: { isActive: false } },
			{ method: 'DELETE', path: '/api/User/x' },
		]);
		expect(isDryRun(ctx, 1)).toBe(false);
		expect(endDryRun(ctx, 1)).toEqual([]);
		expect(recordIfDryRun(ctx, 1, { method: 'PUT', path: '/api/User/x', scope: 'PM.User' })).toBe(false);
	});

	it('shows a bulk request in full on its first item and points the others at it', () => {
		const ctx = {};
		beginDryRun(ctx, [0, 1, 2]);
		recordIfDryRun(ctx, 0, { method: 'POST', path: '/api/User/BulkCreate', scope: 'PM.User', body: { users: [{}, {}] }, items: [0, 2] });
		expect(endDryRun(ctx, 0)).toEqual([{ method: 'POST', path: '/api/User/BulkCreate', body: { users: [{}, {}] } }]);
		expect(endDryRun(ctx, 1)).toEqual([]);
		expect(endDryRun(ctx, 2)).toEqual([{ method: 'POST', path: '/api/User/BulkCreate', sentWithItem: 0 }]);
	});

	it('redacts secret fields by name and secret values anywhere, keeping the rest', () => {
		expect(
			redactBody(
				{
					password: 'Hunter-22!',
					newPassword: 'x',
					oldPassword: '',
					settings: [{ key: 'Smtp.Password', value: 'smtp-pw' }, { key: 'Smtp.Host', value: 'mail' }],
					note: 'uses smtp-pw inside',
					count: 3,
					flag: null,
				},
				['smtp-pw'],
			),
		).toEqual({
			password: REDACTED,
			newPassword: REDACTED,
			oldPassword: '',
			settings: [{ key: 'Smtp.Password', value: REDACTED }, { key: 'Smtp.Host', value: 'mail' }],
			note: `uses ${REDACTED} inside`,
			count: 3,
			flag: null,
		});
	});

	it('redacts the query string too', () => {
		const ctx = {};
		beginDryRun(ctx, [0]);
		recordIfDryRun(ctx, 0, { method: 'POST', path: '/p', scope: 'PM.User', qs: { token: 'abc', a: 'b' } });
		expect(endDryRun(ctx, 0)).toEqual([{ method: 'POST', path: '/p', qs: { token: REDACTED, a: 'b' } }]);
	});
});

import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { UiPathIdentityApi } from '../credentials/UiPathIdentityApi.credentials';
import { UiPathIdentity } from '../nodes/UiPathIdentity/UiPathIdentity.node';
import { GROUP_OUTPUT } from '../nodes/UiPathIdentity/actions/group/group.helpers';
import { ROBOT_ACCOUNT_OUTPUT } from '../nodes/UiPathIdentity/actions/robotAccount/robotAccount.helpers';
import { USER_OUTPUT } from '../nodes/UiPathIdentity/actions/user/user.helpers';

/**
 * The texts people read in the editor, pinned: every parameter's name and description, every
 * option and action, with where it shows. A deliberate change updates the snapshot
 * (`npx jest test/uiTexts -u`) and shows in review; an accidental one fails here.
 */

type Entry = INodeProperties | INodePropertyOptions | INodePropertyCollection;

function where(property: INodeProperties): string {
	const show = property.displayOptions?.show ?? {};
	const parts = ['resource', 'operation'].map((key) => (show[key] as string[] | undefined)?.join('|')).filter(Boolean);
	return parts.length ? ` [${parts.join(' / ')}]` : '';
}

function texts(entries: Entry[] | undefined, prefix = ''): string[] {
	const lines: string[] = [];
	for (const entry of entries ?? []) {
		if ('displayName' in entry) {
			const property = entry as INodeProperties;
			const label = `${prefix}${property.displayName}${'displayOptions' in property ? where(property) : ''}`;
			lines.push(`${label}: ${property.description ?? ''}${property.placeholder ? ` (${property.placeholder})` : ''}`);
			if ('options' in entry && Array.isArray(entry.options)) lines.push(...texts(entry.options as Entry[], `${label} › `));
			if ('values' in entry) lines.push(...texts((entry as INodePropertyCollection).values, `${label} › `));
		} else {
			const option = entry as INodePropertyOptions;
			lines.push(`${prefix}${option.name}${option.action ? ` = ${option.action}` : ''}: ${option.description ?? ''}`);
		}
	}
	return lines;
}

const node = new UiPathIdentity().description;
const operations = node.properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) => (property.options ?? []) as INodePropertyOptions[]);

describe('User-facing texts', () => {
	it('node and credential texts are as pinned', () => {
		expect({
			node: [node.displayName, node.description, node.subtitle],
			parameters: texts(node.properties),
			credential: texts(new UiPathIdentityApi().properties),
		}).toMatchSnapshot();
	});

	it('action names have no article, as n8n writes them ("Create user")', () => {
		const withArticle = operations.filter((option) => /^\S+ (a|an|the) /i.test(String(option.action)));
		expect(withArticle.map((option) => option.action)).toEqual([]);
	});

	it('every Get Many has the value getAll and says "Retrieve a list of …"', () => {
		const getMany = operations.filter((option) => option.name === 'Get Many');
		expect(getMany.length).toBeGreaterThanOrEqual(3);
		for (const option of getMany) {
			expect(option.value).toBe('getAll');
			expect(option.description).toMatch(/^Retrieve a list of /);
		}
	});

	it('no jargon in what the editor shows (GUID, prt_id, BulkCreate)', () => {
		const all = [...texts(node.properties), ...texts(new UiPathIdentityApi().properties)].join('\n');
		expect(all).not.toMatch(/GUID|prt_id|BulkCreate/);
	});

	it('Simplified output keeps at most 10 fields', () => {
		for (const shape of [USER_OUTPUT, GROUP_OUTPUT, ROBOT_ACCOUNT_OUTPUT]) {
			expect(shape.simplified.length).toBeLessThanOrEqual(10);
			expect(shape.all).toEqual(expect.arrayContaining(shape.simplified));
		}
	});

	it('the node description names every resource', () => {
		const resources = (node.properties.find((property) => property.name === 'resource')?.options ?? []) as INodePropertyOptions[];
		for (const resource of resources) {
			const word = resource.name.toLowerCase().replace(/y$/, '');
			expect(node.description.toLowerCase()).toContain(word);
		}
	});

	it('the credential shows the URL overrides only with Custom Endpoint URLs (Advanced)', () => {
		const properties = new UiPathIdentityApi().properties;
		expect(properties.find((property) => property.name === 'customEndpoints')?.displayName).toBe('Custom Endpoint URLs (Advanced)');
		for (const name of ['identityUrl', 'tokenUrl']) {
			expect(properties.find((property) => property.name === name)?.displayOptions).toEqual({ show: { customEndpoints: [true] } });
		}
	});
});

import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeType } from 'n8n-workflow';

import packageJson from '../package.json';

declare const PACKAGE_ROOT: string;

// Loads the BUILT package exactly as n8n does for an installed community package: this fails if
// package.json#n8n points to missing files or a class name does not match its file name.
describe('built package', () => {
	it('exposes the node and the credential to n8n', async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();

		expect(loader.packageName).toBe('n8n-nodes-uipath-identity');
		expect(Object.keys(loader.known.nodes)).toEqual(['uiPathIdentity']);
		expect(Object.keys(loader.known.credentials)).toEqual(['uiPathIdentityApi']);
		const node = loader.nodeTypes.uiPathIdentity.type as INodeType;
		expect(node.description.credentials).toEqual([{ name: 'uiPathIdentityApi', required: true }]);
		expect(packageJson.n8n.nodes).toEqual(['dist/nodes/UiPathIdentity/UiPathIdentity.node.js']);
	});

	it('ships the themed icons next to the compiled classes', async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		const { iconUrl } = loader.nodeTypes.uiPathIdentity.type.description;
		expect(iconUrl).toEqual({
			light: 'icons/n8n-nodes-uipath-identity/dist/icons/uipath.svg',
			dark: 'icons/n8n-nodes-uipath-identity/dist/icons/uipath.dark.svg',
		});
	});
});

import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { directoryDescription } from './actions/directory/Directory.resource';
import { router } from './actions/router';
import { groupDescription } from './actions/group/Group.resource';
import { robotAccountDescription } from './actions/robotAccount/RobotAccount.resource';
import { settingDescription } from './actions/setting/Setting.resource';
import { userDescription } from './actions/user/User.resource';
import { listSearch, loadOptions } from './methods';
import { dryRunDescription } from './shared/dryRun';
import { toolDescriptionProperties } from './shared/tool';
import { requestOptionsDescription } from './transport/options';

export class UiPathIdentity implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UiPath Identity',
		name: 'uiPathIdentity',
		icon: { light: 'file:../../icons/uipath.svg', dark: 'file:../../icons/uipath.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage UiPath Identity: users and their passwords, groups, robot accounts, settings and directory search',
		defaults: { name: 'UiPath Identity' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'uiPathIdentityApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Directory', value: 'directory' },
					{ name: 'Group', value: 'group' },
					{ name: 'Robot Account', value: 'robotAccount' },
					{ name: 'Setting', value: 'setting' },
					{ name: 'User', value: 'user' },
				],
				default: 'user',
			},
			...directoryDescription,
			...groupDescription,
			...robotAccountDescription,
			...settingDescription,
			...userDescription,
			dryRunDescription,
			...toolDescriptionProperties(),
			requestOptionsDescription,
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

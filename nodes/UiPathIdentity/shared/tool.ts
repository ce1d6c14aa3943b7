import type { IExecuteFunctions, INode, INodeExecutionData, INodeParameters, INodeProperties } from 'n8n-workflow';

import type { IdentityNodeMap, IdentityResource } from '../actions/node.type';

/**
 * The node as an AI agent's tool. n8n registers every node with `usableAsTool` a second time as
 * `<type>Tool` (the "UiPath Identity Tool" an AI Agent connects to); that variant runs the same
 * operations, so what is different for a model is decided here:
 * - what the model is told about each operation (the Tool Description below),
 * - which operations refuse to run for a model (passwords a model would choose, bulk deletes).
 */

/** Whether the node runs as an AI agent's tool (n8n's tool variant of the node type). */
export function runsAsTool(node: INode): boolean {
	return node.type.endsWith('Tool');
}

type ToolDescriptions = { [R in IdentityResource]: Record<IdentityNodeMap[R], string> };

/**
 * What an agent reads about each operation: when to use it, what it needs, what it returns.
 * Shown (and editable) in the tool's node as Tool Description; n8n sends it as the tool's
 * description. Every operation must have one (the type enforces it).
 */
export const TOOL_DESCRIPTIONS: ToolDescriptions = {
	directory: {
		checkGroupMembership:
			'Check which of the given UiPath groups a user belongs to, including through directory groups. Needs the user ID and group IDs. Returns isMemberOfAll, memberGroupIds and notMemberGroupIds.',
		search:
			'Search the UiPath directory (local and directory users, groups, applications) for names or emails starting with a text. Returns one entry per match with id, type, name and email.',
	},
	group: {
		create: 'Create a UiPath group with a name. Returns the new group with its id.',
		delete:
			'Delete one UiPath group by ID, permanently. Built-in groups cannot be deleted. Returns deleted: true and the id.',
		get: 'Read one UiPath group by ID or exact name. Returns id, name and type (builtIn or custom).',
		getAll: 'List the groups of the UiPath organization. Returns one entry per group with id, name and type; use it to find a group ID by name.',
		getMembers: 'List the members of one UiPath group. Returns one entry per member with id and type.',
		update: 'Rename a UiPath group or add and remove directory members. Returns the group.',
	},
	robotAccount: {
		create: 'Create a UiPath robot account with a name (cannot be changed later). Returns the new robot account with its id.',
		delete: 'Delete one UiPath robot account by ID, permanently. Returns deleted: true and the id.',
		get: 'Read one UiPath robot account by ID. Returns id, name, displayName, groupIds and times.',
		getAll: 'List or search the robot accounts of the UiPath organization by name. Returns one entry per robot account with its id.',
		update: 'Change the display name or groups of one UiPath robot account. Returns the robot account.',
	},
	setting: {
		get: 'Read UiPath settings by key, for the organization or one user. Returns one entry per stored setting with key and value.',
		update: 'Save UiPath settings (key and value), for the organization or one user. Returns the saved settings.',
	},
	user: {
		activate: 'Let a deactivated UiPath user sign in again. Needs the user ID. Returns id and isActive: true.',
		addToGroups: 'Add a UiPath user to groups. Needs the user ID and group IDs. Returns id and addedGroupIds.',
		changePassword:
			'Change the password of a UiPath user with their current password. The passwords are set by the workflow, never by you. Returns succeeded and errors.',
		create:
			'Create a local UiPath user with a username (usually the email address), optional names, email and groups. Returns created: true and the new user with its id.',
		createMany: 'Create a local UiPath user; meant for batches in a workflow. Returns created: true and the new user with its id.',
		deactivate:
			'Deactivate a UiPath user so they can no longer sign in; the account and its groups stay and it can be activated again. The first step when someone leaves. Needs the user ID. Returns id and isActive: false.',
		delete: 'Delete one UiPath user by ID, permanently. Prefer Deactivate unless deletion was asked for. Returns deleted: true and the id.',
		deleteMany: 'Not available to AI agents.',
		get: 'Read one UiPath user by ID or email address. Returns id, userName, email, name, surname, displayName, isActive, type, category, groupIDs and lastLoginTime.',
		getAll:
			'Find UiPath users whose name, username or email contains a search text; use it to get a user ID from an email address. Returns one entry per user with id, userName, email, name, surname, displayName, isActive and groupIDs.',
		invite: 'Email a UiPath invitation to join the organization to an address. Returns invited: true, the id and email.',
		removeFromGroups:
			'Remove a UiPath user from selected groups or from all groups. Needs the user ID. Returns id, removedGroupIds and notMemberGroupIds.',
		resetPassword:
			'Set a new password for a UiPath user as an administrator. The password is set by the workflow, never by you. Returns id and passwordReset: true.',
		sync: 'Not available to AI agents.',
		update: 'Change the names, email, active state or groups of a UiPath user. Needs the user ID. Returns updated: true, the id and the fields sent.',
	},
};

/** The Tool Description field of every operation, shown only on the tool variant of the node. */
export function toolDescriptionProperties(): INodeProperties[] {
	const properties: INodeProperties[] = [];
	for (const [resource, operations] of Object.entries(TOOL_DESCRIPTIONS)) {
		for (const [operation, text] of Object.entries(operations as Record<string, string>)) {
			properties.push({
				displayName: 'Tool Description',
				name: 'toolDescription',
				type: 'string',
				typeOptions: { rows: 3 },
				default: text,
				description: 'What the AI agent is told about this tool: when to use it and what it returns',
				displayOptions: { show: { resource: [resource], operation: [operation], '@tool': [true] } },
			});
		}
	}
	return properties;
}

/** A parameter the workflow author must fill in for the operation to run as a tool. */
interface AuthorField {
	/** Dotted path in the node's parameters, e.g. `additionalFields.password`. */
	path: string;
	displayName: string;
}

interface ToolRule {
	/** The operation never runs as a tool; the text says what to use instead. */
	never?: string;
	/** The operation runs as a tool only while these fields are not filled by the model. */
	authorFields?: AuthorField[];
}

const TOOL_RULES: { [R in IdentityResource]?: Partial<Record<IdentityNodeMap[R], ToolRule>> } = {
	user: {
		changePassword: {
			authorFields: [
				{ path: 'oldPassword', displayName: 'Current Password' },
				{ path: 'newPassword', displayName: 'New Password' },
			],
		},
		create: { authorFields: [{ path: 'additionalFields.password', displayName: 'Password' }] },
		deleteMany: {
			never:
				'Bulk deletes are not handed to a model. Give the agent User → Delete (one user by ID, best behind a human approval), or run Delete Many as a regular workflow step.',
		},
		resetPassword: { authorFields: [{ path: 'password', displayName: 'New Password' }] },
		sync: {
			never:
				'Sync changes many accounts at once and is not handed to a model. Run it as a regular workflow step: Dry Run first, then a human approval, then Sync.',
		},
	},
};

/**
 * Expression text a model controls in a tool run: `$fromAI()` (any spelling n8n accepts), and the
 * tool's input item (`$json`, `$input`), which n8n fills with the model's tool arguments.
 */
const MODEL_CONTROLLED = [/\$fromai\s*\(/i, /\$json\b/, /\$input\b/];

function modelControlled(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=') && MODEL_CONTROLLED.some((pattern) => pattern.test(value));
	if (Array.isArray(value)) return value.some(modelControlled);
	if (value !== null && typeof value === 'object') return Object.values(value).some(modelControlled);
	return false;
}

/** The raw value at `path` and every collection on the way (an expression may stand for a whole collection). */
function valuesOnPath(parameters: INodeParameters, path: string): unknown[] {
	const values: unknown[] = [];
	let current: unknown = parameters;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object' || Array.isArray(current)) break;
		current = (current as Record<string, unknown>)[key];
		values.push(current);
	}
	return values;
}

/** Names of operations in messages: "User → Reset Password". */
function operationName(resource: string, operation: string): string {
	const words = (value: string) => value.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());
	return `${words(resource)} → ${words(operation)}`;
}

/**
 * Why this operation may not run as an AI agent tool in this node, or undefined when it may.
 * Checked on the parameters as the workflow author saved them, before anything is evaluated or sent.
 */
export function toolRefusal(node: INode, resource: string, operation: string): { message: string; description: string } | undefined {
	if (!runsAsTool(node)) return undefined;
	const rules = TOOL_RULES[resource as IdentityResource] as Record<string, ToolRule> | undefined;
	const rule = rules && Object.prototype.hasOwnProperty.call(rules, operation) ? rules[operation] : undefined;
	if (!rule) return undefined;
	const name = operationName(resource, operation);
	if (rule.never) return { message: `${name} does not run as an AI agent tool`, description: rule.never };
	const modelFields = (rule.authorFields ?? []).filter((field) => valuesOnPath(node.parameters, field.path).some(modelControlled));
	if (!modelFields.length) return undefined;
	const quoted = modelFields.map((field) => `'${field.displayName}'`).join(' and ');
	return {
		message: `${name} does not run as an AI agent tool while ${quoted} ${modelFields.length > 1 ? 'come' : 'comes'} from the model`,
		description: `A model must not choose or see passwords. Set ${quoted} in the node yourself: a fixed value, or an expression over workflow data that is not the tool's input ($fromAI(), $json, $input). Or run this operation as a regular workflow step.`,
	};
}

/**
 * The tool's answer when it refuses: one item per input item with the reason, and nothing sent.
 * An answer rather than a node error because n8n 1.x stops the whole execution on a tool's error
 * (2.x hands it to the model), so the model, and through it the user, learns why on both.
 */
export function refusalItems(ctx: IExecuteFunctions, refusal: { message: string; description: string }): INodeExecutionData[] {
	return ctx.getInputData().map((_item, itemIndex) => ({
		json: { refused: true, error: refusal.message, details: refusal.description },
		pairedItem: { item: itemIndex },
	}));
}

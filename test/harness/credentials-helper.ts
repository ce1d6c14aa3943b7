import { ICredentialsHelper, NodeHelpers, sleep } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';

/**
 * A stand-in for n8n's CLI `CredentialsHelper` that keeps the behaviour a credential relies on:
 * defaults are applied when decrypting, `preAuthentication` runs only when the expirable field is
 * empty, the token expired (401) or the credential is being tested, and its result is persisted
 * so later items and executions reuse it; generic and function `authenticate` are both applied.
 * Storage is an in-memory map instead of the encrypted database.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, ICredentialDataDecryptedObject>();

	preAuthenticationCalls = 0;

	/** How long storing a credential takes (a database write under load); 0 by default. */
	writeDelayMs = 0;

	constructor(private readonly types: Record<string, ICredentialType>) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(name: string): string[] {
		return this.type(name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	async getDecrypted(
		_additionalData: unknown,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.get(nodeCredentials.id ?? '');
		if (!stored) throw new Error(`Credential ${nodeCredentials.id} not found`);
		// Same call n8n makes in applyDefaultsAndOverwrites: fill in defaults of displayed fields.
		return NodeHelpers.getNodeParameters(
			this.type(type).properties,
			structuredClone(stored) as never,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		if (this.writeDelayMs) await sleep(this.writeDelayMs);
		this.store.set(nodeCredentials.id ?? '', structuredClone(data));
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic' && workflow && node) {
			const options = requestOptions as unknown as Record<string, Record<string, string>>;
			for (const [target, entries] of Object.entries(authenticate.properties)) {
				options[target] = options[target] ?? {};
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					options[target][key] = String(
						workflow.expression.getSimpleParameterValue(node, value, 'internal', {
							$credentials: credentials,
						}) ?? '',
					);
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) {
			return undefined;
		}
		this.preAuthenticationCalls++;
		// n8n hands the hook nothing but httpRequest (restrictToCredentialDomains).
		const restricted = { helpers: { httpRequest: helpers.helpers.httpRequest } } as IHttpRequestHelper;
		const output = await type.preAuthentication.call(restricted, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[typeName];
		if (details) {
			const stored = this.store.get(details.id ?? '') ?? {};
			await this.updateCredentials(details, typeName, { ...stored, ...output } as ICredentialDataDecryptedObject);
		}
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		return type.preAuthentication
			? ((await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject)
			: undefined;
	}
}

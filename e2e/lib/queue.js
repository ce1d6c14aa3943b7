'use strict';

// n8n in queue mode for the end-to-end test and the bench: one main instance (`n8n start`) and
// workers (`n8n worker`), each with its own user folder and the packed package installed in it
// (as the README tells users: on main and on every worker), sharing PostgreSQL, Redis and the
// encryption key.

const crypto = require('node:crypto');

const { N8nInstance, freePort } = require('./n8n');
const { N8nRest, makeOwner } = require('./rest');
const { workflowJson, chain, webhookTrigger, splitOutNode, identityNode, changePasswordParameters } = require('./workflows');

/** An N8nInstance whose every process (CLI, start, worker) uses the shared queue environment. */
class QueueInstance extends N8nInstance {
	constructor(install, shared, options) {
		super(install, options);
		this.shared = shared;
	}

	env(extra) {
		return super.env({ ...this.shared, ...extra });
	}

	/**
	 * Starts `n8n worker`; resolves once it reports ready. `output()` holds its log (info level:
	 * the worker names every execution it runs).
	 */
	async startWorker({ concurrency = 10, timeoutMs = 3 * 60 * 1000, env = {} } = {}) {
		const healthPort = await freePort();
		const brokerPort = await freePort();
		const workerProcess = this.spawnN8n(['worker', `--concurrency=${concurrency}`], {
			N8N_LOG_LEVEL: 'info',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			...env,
		});
		const { output } = workerProcess;
		const worker = {
			pid: workerProcess.pid,
			output,
			exited: workerProcess.exited,
			/** Execution IDs this worker reported starting. */
			executions: () => [...new Set([...output().matchAll(/started execution (\d+)|Start job: \d+ \(Workflow ID: [^|]+\| Execution: (\d+)\)/gi)].map((m) => m[1] || m[2]))],
			stop: workerProcess.stop,
			kill: workerProcess.kill,
		};
		const deadline = Date.now() + timeoutMs;
		while (!/worker is now ready|n8n worker is now ready/i.test(output())) {
			if (workerProcess.exited()) throw new Error(`n8n worker exited early:\n${this.mask(output()).slice(-3000)}`);
			if (Date.now() > deadline) {
				await worker.kill();
				throw new Error(`n8n worker not ready within ${timeoutMs / 1000} s:\n${this.mask(output()).slice(-3000)}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		return worker;
	}
}

/**
 * Sets up main + `workerCount` workers on the given services, installs the tarball on each,
 * imports credentials and workflows (through main's CLI), starts main, creates the owner and
 * activates the given workflows, then starts the workers.
 */
async function startQueueCluster({ install, services, tarball, secrets = [], credentials, workflows, activate = [], workerCount = 2, workerConcurrency = 10, workerEnv = {}, mainEnv = {} }) {
	const shared = {
		...services.env,
		N8N_ENCRYPTION_KEY: crypto.randomBytes(24).toString('hex'),
		// Every process reads the same database: one must not delete the others' executions.
		EXECUTIONS_DATA_PRUNE: 'false',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
	const main = new QueueInstance(install, shared, { secrets });
	const workers = Array.from({ length: workerCount }, () => new QueueInstance(install, shared, { secrets }));
	const instances = [main, ...workers];
	const running = [];
	const cluster = {
		main,
		instances,
		workers: [],
		mainProcess: undefined,
		rest: undefined,
		stop: async () => {
			for (const process of running.reverse()) await process.stop();
			for (const instance of instances) await instance.cleanup();
		},
	};
	try {
		await Promise.all(instances.map((instance) => instance.installPackage(tarball)));
		await main.importCredentials(credentials);
		await main.importWorkflows(workflows);
		cluster.mainProcess = await main.start({ env: mainEnv });
		running.push(cluster.mainProcess);
		cluster.rest = new N8nRest(cluster.mainProcess.url);
		await cluster.rest.setupOwner(makeOwner());
		for (const id of activate) await cluster.rest.activateWorkflow(id);
		for (const worker of workers) {
			const started = await worker.startWorker({ concurrency: workerConcurrency, env: workerEnv });
			running.push(started);
			cluster.workers.push(started);
		}
		return cluster;
	} catch (error) {
		await cluster.stop();
		throw error;
	}
}

/**
 * Webhook → Split Out (body.items) → UiPath Identity Change Password. The webhook answers at once
 * (responseMode onReceived): main puts the execution in the queue and a worker runs it.
 */
function webhookChangePasswordWorkflow({ id, name, path, credential, nodeType, options = {}, requestHandling }) {
	const target = identityNode({ name: 'Change Password', type: nodeType, position: [440, 300], parameters: changePasswordParameters({ options, requestHandling }), credential });
	return workflowJson({
		id,
		name,
		nodes: [webhookTrigger({ path }), splitOutNode({ field: 'body.items', position: [220, 300] }), target],
		connections: chain('Webhook', 'Split', target.name),
	});
}

/** POSTs `bodies` to the webhook all at once; resolves with the HTTP statuses. */
async function fireBurst(baseUrl, path, bodies) {
	return await Promise.all(
		bodies.map(async (body) => {
			const response = await fetch(`${baseUrl}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(60000),
			});
			await response.text();
			return response.status;
		}),
	);
}

/** Executions of a workflow in Postgres: [{id, status, finished}]. */
function executionsOf(services, workflowId) {
	return services
		.query(`select id, status, finished from execution_entity where "workflowId" = '${workflowId}' order by id`)
		.map(([id, status, finished]) => ({ id, status, finished: finished === 't' }));
}

/** Waits until `count` executions of the workflow exist and none is new/running/waiting. */
async function waitForExecutions(services, workflowId, count, { timeoutMs = 5 * 60 * 1000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const executions = executionsOf(services, workflowId);
		const open = executions.filter((execution) => ['new', 'running', 'waiting', 'unknown'].includes(execution.status));
		if (executions.length >= count && open.length === 0) return executions;
		if (Date.now() > deadline) {
			throw new Error(`after ${timeoutMs / 1000} s, ${executions.length}/${count} executions of ${workflowId}, ${open.length} still open: ${JSON.stringify(open.slice(0, 5))}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

module.exports = { QueueInstance, startQueueCluster, webhookChangePasswordWorkflow, fireBurst, executionsOf, waitForExecutions };

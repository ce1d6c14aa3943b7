'use strict';

// Browser smoke test in headless Chromium through playwright-core: sign in, find the node in
// the nodes panel, open its Change Password form, create a credential against the simulator and
// let n8n test it. Screenshots go to test-artifacts/ (gitignored). Which Chromium: see
// ./provision.js (by default the one shipped in the @sparticuz/chromium devDependency).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ensureChromium } = require('./provision');
const { majorsFromEnv } = require('./install');

const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/**
 * Why the browser smoke test of n8n `major` is left out, or false. Only a developer's explicit
 * switch leaves it out (E2E_SKIP_BROWSER=1, or E2E_BROWSER_MAJORS without `major`; default: every
 * major of `testedMajors`), and the reason is printed; under CI the switches are refused, so CI
 * always runs it (a browser that cannot be provisioned fails the test with its reason, see
 * ./provision.js).
 */
function browserSkipReason(major, testedMajors) {
	const browserMajors = majorsFromEnv('E2E_BROWSER_MAJORS', testedMajors.join(','));
	const asked = process.env.E2E_SKIP_BROWSER === '1' ? 'E2E_SKIP_BROWSER=1' : !browserMajors.includes(major) ? `E2E_BROWSER_MAJORS=${process.env.E2E_BROWSER_MAJORS}` : '';
	if (!asked) return false;
	if (process.env.CI) throw new Error(`${asked} is set under CI: the browser smoke test must run in CI`);
	return `left out on request (${asked})`;
}

async function firstVisible(page, selectors, timeout = 30000) {
	const deadline = Date.now() + timeout;
	while (Date.now() < deadline) {
		for (const selector of selectors) {
			const locator = page.locator(selector).first();
			if (await locator.isVisible().catch(() => false)) return locator;
		}
		await page.waitForTimeout(250);
	}
	throw new Error(`none visible: ${selectors.join(' | ')}`);
}

async function browserSmoke({ server, sim, creds, major, artifactsDir, secrets, owner }) {
	const browser = await ensureChromium();
	const { chromium } = require('playwright-core');
	fs.mkdirSync(artifactsDir, { recursive: true });
	const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-uipath-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: browser.binary,
		headless: true,
		args: FLAGS,
		viewport: { width: 1440, height: 900 },
		timeout: 60000,
	});
	const shot = (name) => path.join(artifactsDir, `n8n-${major}x-${name}.png`);
	const page = context.pages()[0] || (await context.newPage());
	page.setDefaultTimeout(30000);
	try {
		// Sign in as the owner created through the REST API.
		await page.goto(`${server.url}/signin`, { waitUntil: 'domcontentloaded' });
		const email = await firstVisible(page, ['input[name="emailOrLdapLoginId"]', 'input[type="email"]', 'input[name="email"]'], 60000);
		await email.fill(owner.email);
		await page.locator('input[type="password"]').first().fill(owner.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 60000 });

		// New workflow, open the nodes panel and search for the node.
		await page.goto(`${server.url}/workflow/new`, { waitUntil: 'domcontentloaded' });
		const searchSelectors = ['[data-test-id="node-creator-search-bar"] input', 'input[placeholder*="Search"]'];
		let search;
		for (let attempt = 0; attempt < 4 && !search; attempt++) {
			const addFirst = await firstVisible(page, ['[data-test-id="canvas-add-button"]', '[data-test-id="canvas-plus-button"]', 'text=Add first step'], 60000);
			await addFirst.click();
			search = await firstVisible(page, searchSelectors, 10000).catch(() => undefined);
		}
		if (!search) search = await firstVisible(page, searchSelectors);
		// A trigger is required first: pick Manual Trigger, then add our node after it.
		await search.fill('manual');
		await page.keyboard.press('Enter');
		await page.waitForTimeout(1000);
		await page.keyboard.press('Escape');
		const plus = await firstVisible(page, ['[data-test-id="canvas-handle-plus"]', '[data-test-id="canvas-plus-button"]', '[data-test-id="node-creator-plus-button"]']);
		await plus.click();
		const search2 = await firstVisible(page, ['[data-test-id="node-creator-search-bar"] input', 'input[placeholder*="Search"]']);
		await search2.fill('UiPath Identity');
		const nodeItem = await firstVisible(page, ['[data-test-id="node-creator-node-item"]:has-text("UiPath Identity")', 'text=UiPath Identity']);
		await page.screenshot({ path: shot('nodes-panel') });
		await nodeItem.click();

		// The node's actions; choose Change Password and check the form renders.
		const action = await firstVisible(page, ['[data-test-id="node-creator-action-item"]:has-text("Change")', 'text=/Change (user )?password/i']);
		await action.click();
		// "User" is a resource locator since the user operations landed; older builds say "User ID".
		await firstVisible(page, ['[data-test-id="ndv"] >> text="User"', '[data-test-id="ndv"] >> text="User ID"', 'text="User"', 'text="User ID"']);
		for (const label of ['Current Password', 'New Password']) {
			await firstVisible(page, [`[data-test-id="ndv"] >> text="${label}"`, `text="${label}"`]);
		}
		// The node dialog fades in over the canvas: let the animation settle before the picture.
		await page.waitForTimeout(1000);
		await page.screenshot({ path: shot('change-password-form') });

		// Create a credential from the node and let n8n test it on save.
		const credentialSelect = await firstVisible(page, ['[data-test-id="node-credentials-select"]', 'text=/Select Credential|Credential to connect with/i']);
		await credentialSelect.click();
		const createNew = await firstVisible(page, ['text=/Create new credential|Create New Credential/i', '[data-test-id="node-credentials-select-item-new"]'], 10000).catch(() => undefined);
		if (createNew) await createNew.click();
		const modal = await firstVisible(page, ['[data-test-id="editCredential-modal"]', '.el-dialog:has-text("UiPath Identity")'], 30000);
		const fill = async (label, value) => {
			const input = modal.locator(`[data-test-id="parameter-input-${label}"] input, [data-test-id="parameter-input-${label}"] textarea`).first();
			await input.fill(value);
		};
		await fill('baseUrl', sim.url);
		await fill('organizationName', creds.cloud.data.organizationName);
		await fill('clientId', creds.cloud.data.clientId);
		await fill('clientSecret', secrets.clientSecret);
		const since = sim.lastSeq();
		const save = await firstVisible(page, ['[data-test-id="credential-save-button"]', 'button:has-text("Save")']);
		await save.click();
		// n8n tests the credential on save. 1.x keeps the dialog open with "Connection tested
		// successfully"; 2.x may close it right away. Either way the simulator must have seen the test.
		const deadline = Date.now() + 60000;
		let outcome;
		while (!outcome && Date.now() < deadline) {
			if (await page.locator('text=/Connection tested successfully/i').first().isVisible().catch(() => false)) outcome = 'banner';
			else if (await page.locator('text=/Couldn.t connect|could not connect|Connection failed/i').first().isVisible().catch(() => false)) outcome = 'error';
			else if (!(await modal.isVisible().catch(() => false))) outcome = 'closed';
			else await page.waitForTimeout(250);
		}
		if (outcome === 'error' || !outcome) throw new Error(`credential test in the dialog: ${outcome || 'no result within 60 s'}`);
		await page.screenshot({ path: shot('credential-test') });
		const html = await page.content();
		if (html.includes(secrets.clientSecret)) throw new Error('the client secret is visible in the page');
		const calls = sim.log(since);
		if (!calls.some((entry) => entry.kind === 'token' && entry.status === 200) || !calls.some((entry) => entry.kind === 'api' && entry.status === 200)) {
			throw new Error(`the credential test did not reach the simulator: ${JSON.stringify(calls.map((entry) => [entry.path, entry.status]))}`);
		}
		return { browser, screenshots: [shot('nodes-panel'), shot('change-password-form'), shot('credential-test')] };
	} catch (error) {
		await page.screenshot({ path: shot('failure') }).catch(() => undefined);
		throw error;
	} finally {
		await context.close().catch(() => undefined);
		fs.rmSync(userDataDir, { recursive: true, force: true });
	}
}

module.exports = { browserSmoke, browserSkipReason, FLAGS };

'use strict';

// The IdentityResult UiPath answers a user change with, and the error entries it lists when it
// refuses one (reference 5.1): duplicate, invalid user name or email, unknown groups.

function identityResult(errors) {
	return { succeeded: errors.length === 0, errors };
}

function unknownGroupIds(ctx, ids) {
	return (ids || []).filter((id) => !ctx.org.groups.has(id.toLowerCase()));
}

function groupError(ids) {
	return { code: 'InvalidGroup', description: `Group(s) '${ids.join(', ')}' do(es) not exist in the organization.` };
}

function duplicateErrors(ctx, { userName, email }, exceptId) {
	const errors = [];
	for (const user of ctx.org.users.values()) {
		if (user.id === exceptId) continue;
		if (userName && user.userName.toLowerCase() === userName.toLowerCase()) {
			errors.push({ code: 'DuplicateUserName', description: `Username '${userName}' is already taken.` });
		}
		if (email && user.email && user.email.toLowerCase() === email.toLowerCase()) {
			errors.push({ code: 'DuplicateEmail', description: `Email '${email}' is already taken.` });
		}
	}
	return errors;
}

function userNameErrors(userName) {
	if (!userName || /\s/.test(userName)) {
		return [{ code: 'InvalidUserName', description: `Username '${userName || ''}' is invalid, can only contain letters or digits.` }];
	}
	return [];
}

function emailErrors(email) {
	if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
		return [{ code: 'InvalidEmail', description: `Email '${email}' is invalid.` }];
	}
	return [];
}

module.exports = { identityResult, unknownGroupIds, groupError, duplicateErrors, userNameErrors, emailErrors };

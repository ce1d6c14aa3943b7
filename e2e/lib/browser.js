'use strict';

async function browserSmoke() {}

module.exports = { browserSmoke };

'use strict';

// Example workflows from examples/ as e2e scenarios (filled in below).

const exampleScenarios = [];

module.exports = { exampleScenarios };

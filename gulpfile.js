const path = require('path');
const { task, src, dest } = require('gulp');

// Icons live in icons/ (shared by the node and the credential) and beside sources. gulp 5 reads
// files as UTF-8 unless told otherwise, which would corrupt PNG icons: keep them binary.
function copyIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: path.resolve('.'),
		encoding: false,
	}).pipe(dest('dist'));
}

task('build:icons', copyIcons);

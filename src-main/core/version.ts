import packageJson from '../../package.json' with { type: 'json' };

/** The version in package.json (bundled builds inline it). */
export const APP_VERSION: string = packageJson.version;

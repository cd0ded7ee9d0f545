/** The server's version, as published in the OpenAPI document. Keep in step with package.json. */
export const VERSION = '0.1.0';

import type nunjucks from "nunjucks";
export const GOVUK_DIST: string;
export function nunjucksEnvironment(templateDirs: string[]): nunjucks.Environment;
export function sharedNunjucksEnvironment(templateDirs: string[]): nunjucks.Environment;
export function forgetSharedNunjucksEnvironments(): void;

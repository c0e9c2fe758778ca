import type { Rule } from './define.js';
import frontmatterSchema from './frontmatter-schema.js';
import duplicateNumber from './duplicate-number.js';

/** Every built-in rule, in documentation order. Add new rules here (one file each). */
export const RULES: Rule[] = [frontmatterSchema, duplicateNumber] as Rule[];

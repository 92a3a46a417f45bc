// The import path older tests use (test/conversations-writes.test.ts); the code lives in
// groups/conversations/. New code imports from there or from the sandbox's index.
export { assignmentRuleTeam, REDACTED_BODY } from "../groups/conversations/rules.js";

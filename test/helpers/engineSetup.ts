import { loadRuleSet, loadServices, type RuleSet, type Services } from '../../server/src/engine/index.js';

/**
 * The bundled rule set and the spelling services, loaded once in a `before` hook of the
 * calling `describe`; read the fields inside tests, not when the suite is defined.
 */
export function engineOnce(): { ruleSet: RuleSet; services: Services } {
  const loaded = {} as { ruleSet: RuleSet; services: Services };
  before(async () => {
    loaded.ruleSet = loadRuleSet();
    loaded.services = await loadServices();
  });
  return loaded;
}

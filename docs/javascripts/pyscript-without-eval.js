/*
 * Lets PyScript start under the site's Content-Security-Policy, which has no
 * 'unsafe-eval'.
 *
 * For every script it starts, worker or not, PyScript joins the hooks meant
 * for worker threads into one function built from source text (Function()),
 * which the policy blocks. The only such hook is PyScript's own (it sets up
 * pyscript.fs inside workers). The widgets run on the main thread and start
 * no worker, so the hook is never used: with the set empty there is nothing
 * to join and no code is built from text.
 *
 * Loaded as a module just before PyScript's core.js: importing core.js here
 * runs this right after PyScript's own code and before PyScript defines its
 * script types (that waits for its plugins to load).
 */
import { hooks } from "../assets/pyscript/core.js";

["onReady", "onBeforeRun", "onBeforeRunAsync", "onAfterRun", "onAfterRunAsync"].forEach(function (name) {
  hooks.worker[name].clear();
});

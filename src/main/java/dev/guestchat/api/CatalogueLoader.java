package dev.guestchat.api;

import dev.guestchat.browser.BrowserCatalogue;
import dev.guestchat.browser.JsObjectView;
import dev.guestchat.core.Ports;
import dev.guestchat.protocol.JsonObjectView;
import dev.guestchat.ui.Strings;

/**
 * The widget's language and its words: the page's choice, or the browser's — among the deployment's languages once
 * its configuration has arrived; English is built in, another language's catalogue is fetched once.
 */
final class CatalogueLoader {
    private CatalogueLoader() {
    }

    /**
     * Fills {@code strings} and then runs {@code then}: another language's catalogue is fetched from {@code i18nUrl}
     * (or next to the script) before the first render, for at most 2 s — after that the widget shows English rather
     * than nothing; the host's own words win either way. Always at least one tick later, so that listeners registered
     * right after init() hear everything.
     */
    static void load(WidgetOptions options, Strings strings, Ports.Scheduler scheduler, Runnable then) {
        scheduler.schedule(0, () -> loadCatalogue(options, strings, scheduler, then));
    }

    /**
     * A page that names no language follows the deployment (§8): once its configuration arrives, the widget switches
     * to the first of the browser's languages the deployment also offers, else to the deployment's default, and
     * runs {@code switched} when the new words are in. The first render does not wait for it (the configuration is
     * a request of its own; a click should not wait for it), so a switch — rare: only when the deployment does not
     * offer the browser's language — happens in place.
     */
    static void followDeployment(WidgetOptions options, Strings strings, Ports.Scheduler scheduler,
                                 Ports.DeploymentConfigSource config, Runnable switched) {
        if (options.language() != null) {
            return;
        }
        config.fetch((status, body) -> {
            JsonObjectView root = status == 200 && body != null ? JsObjectView.PARSER.parseObject(body) : null;
            if (root == null) {
                return;
            }
            String chosen = Strings.chooseFor(JsOptions.languages(), root.texts("languages"), root.string("defaultLanguage"));
            if (!chosen.equals(strings.language())) {
                strings.reset(chosen);
                loadCatalogue(options, strings, scheduler, switched);
            }
        });
    }

    private static void loadCatalogue(WidgetOptions options, Strings strings, Ports.Scheduler scheduler, Runnable then) {
        String base = options.i18nUrl() != null ? options.i18nUrl() : JsOptions.scriptI18nBase();
        Runnable finish = () -> {
            strings.putAll(options.strings()); // the host's own words win
            then.run();
        };
        if (strings.language().equals("en") || base == null) {
            scheduler.schedule(0, finish);
            return;
        }
        String url = base.endsWith("/") ? base : base + "/";
        BrowserCatalogue.load(url + strings.language() + ".json", 2_000, catalogue -> {
            if (catalogue == null) {
                PageJs.warn("guest-chat: no " + strings.language() + " catalogue at " + url + ", showing English");
            } else {
                strings.putAll(JsOptions.strings(catalogue));
            }
            finish.run();
        });
    }
}

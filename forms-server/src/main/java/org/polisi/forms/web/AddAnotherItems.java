package org.polisi.forms.web;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * The boxes of an "add another" group (GOV.UK's add-another pattern) in a page the server shows
 * again. The site renders one box in a fieldset that says how to make more
 * ({@code data-add-another}: the field's name, {@code data-max-items}, {@code data-item-label}: a box's
 * label with {@code {n}} for its number); assets/polisi.js does the same in the browser.
 */
final class AddAnotherItems {

    private AddAnotherItems() {
    }

    /**
     * Gives every group at least as many boxes as values were sent for it (so nothing typed is lost),
     * and the group named {@code adding} one more, up to its maximum; the new box gets
     * {@code autofocus}. At the maximum the "add another" button is removed.
     */
    static void ensure(Element form, Map<String, List<String>> typed, String adding) {
        for (Element group : form.select("fieldset[data-add-another]")) {
            String field = group.attr("data-add-another");
            List<Element> items = group.select(".add-another__item");
            if (items.isEmpty()) {
                continue;
            }
            int max = parse(group.attr("data-max-items"), items.size());
            int sent = typed.getOrDefault(field, List.of()).size();
            int wanted = Math.min(max, Math.max(items.size(), sent) + (field.equals(adding) ? 1 : 0));
            Element last = items.get(items.size() - 1);
            for (int n = items.size() + 1; n <= wanted; n++) {
                last = numbered(last, n, group.attr("data-item-label"));
                if (field.equals(adding) && n == wanted) {
                    last.selectFirst("input").attr("autofocus", true);
                }
            }
            if (wanted >= max) {
                group.select("button[name=add-another]").remove();
            }
        }
    }

    /** A copy of {@code item} after it, numbered {@code n}: its input's id, its label's for and text. */
    private static Element numbered(Element item, int n, String labelPattern) {
        Element copy = item.clone();
        Element input = copy.selectFirst("input");
        Element label = copy.selectFirst("label");
        String id = input.id().replaceFirst("--\\d+$", "") + "--" + n;
        input.id(id).removeAttr("value").removeAttr("aria-describedby").removeAttr("autofocus");
        if (label != null) {
            label.attr("for", id).text(labelPattern.replace("{n}", String.valueOf(n)));
        }
        copy.select(".error-message").remove();
        item.after(copy);
        return copy;
    }

    private static int parse(String number, int otherwise) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException notANumber) {
            return otherwise;
        }
    }
}

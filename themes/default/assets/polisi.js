/* Polisi: progressive enhancement only. Every page and form works without this file; it is served
   from the site itself (the Content-Security-Policy allows no inline script). */
(function () {
  "use strict";

  /* GOV.UK error summary: a link to a question asked by a fieldset goes to its legend (so the question is
     in view without JavaScript); here focus also moves to the first answer (data-input), with the legend
     scrolled into view above it. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".error-summary a[data-input]");
    if (!link) {
      return;
    }
    var input = document.getElementById(link.getAttribute("data-input"));
    var legend = document.getElementById(link.getAttribute("href").slice(1));
    if (!input || !legend) {
      return;
    }
    event.preventDefault();
    legend.scrollIntoView();
    input.focus({ preventScroll: true });
  });

  /* GOV.UK "add another": the button adds one more box here instead of sending the form (which is what it
     does without JavaScript: the server shows the form again with one more box). */
  function addItem(group) {
    var items = group.querySelectorAll(".add-another__item");
    var max = parseInt(group.getAttribute("data-max-items"), 10) || items.length;
    if (items.length >= max) {
      return;
    }
    var last = items[items.length - 1];
    var copy = last.cloneNode(true);
    var n = items.length + 1;
    var input = copy.querySelector("input");
    var label = copy.querySelector("label");
    var id = input.id.replace(/--\d+$/, "") + "--" + n;
    input.id = id;
    input.value = "";
    input.removeAttribute("aria-describedby");
    input.removeAttribute("autofocus");
    Array.prototype.forEach.call(copy.querySelectorAll(".error-message"), function (message) { message.remove(); });
    if (label) {
      label.htmlFor = id;
      label.textContent = group.getAttribute("data-item-label").replace("{n}", String(n));
    }
    last.after(copy);
    input.focus();
    if (n >= max) {
      var button = group.querySelector("button[name=add-another]");
      if (button) {
        button.remove();
      }
    }
  }

  /* The header's language link on a page with a form: once something is typed in the form, it presses the form's
     own "Fill in this form in ..." button instead, so the server opens the form in that language with the answers
     kept (without this script that button does it alone). */
  function typedIn(form) {
    return Array.prototype.some.call(form.elements, function (element) {
      if (!/^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName) || element.type === "hidden" || element.disabled
          || element.name === "website") {
        return false;   // a button (add another's, once this script makes it type=button) holds nothing typed
      }
      if (element.type === "checkbox" || element.type === "radio") {
        return element.checked !== element.defaultChecked;
      }
      if (element.tagName === "SELECT") {   // with no option marked selected, the first is chosen at first
        var first = 0;
        Array.prototype.forEach.call(element.options, function (option, index) { if (option.defaultSelected) { first = index; } });
        return element.selectedIndex !== first;
      }
      return typeof element.value === "string" && element.value !== element.defaultValue;
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".language-toggle a[hreflang]");
    if (!link) {
      return;
    }
    var forms = document.querySelectorAll("form[data-form-id]");
    for (var i = 0; i < forms.length; i++) {
      var button = forms[i].querySelector("button[name=switch-language][value='" + link.getAttribute("hreflang") + "']");
      if (button && typedIn(forms[i])) {
        event.preventDefault();
        if (forms[i].requestSubmit) {
          forms[i].requestSubmit(button);
        } else {
          button.click();
        }
        return;
      }
    }
  });

  Array.prototype.forEach.call(document.querySelectorAll("fieldset[data-add-another] button[name=add-another]"), function (button) {
    button.type = "button";   // with this script, Enter in a box sends the form, as it would with one box
    button.addEventListener("click", function () {
      addItem(button.closest("fieldset[data-add-another]"));
    });
  });
})();

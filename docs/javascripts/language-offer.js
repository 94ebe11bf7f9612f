/*
 * The offer of the guide in another language (overrides/partials/language-offer.html):
 * shown when the visitor's browser puts that language before English. It only
 * shows a link; it never moves the visitor to another page by itself.
 */
(function () {
  "use strict";
  var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  var first = "";
  for (var i = 0; i < preferred.length && !first; i++) {
    var code = String(preferred[i]).toLowerCase().split("-")[0];
    if (code) first = code;
  }
  var offers = document.querySelectorAll(".sog-language-offer[data-language]");
  for (var j = 0; j < offers.length; j++) {
    if (offers[j].getAttribute("data-language") === first) offers[j].hidden = false;
  }
})();

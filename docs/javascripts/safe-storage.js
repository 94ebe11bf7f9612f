/*
 * localStorage behind calls that never throw.
 *
 * Browsers throw from localStorage when a visitor blocks site data or the
 * quota is full. MicroPython cannot catch an exception thrown by JavaScript
 * (it aborts the whole Python run), so the Python widgets reach storage only
 * through this object: getItem gives a string or null, setItem and
 * removeItem give true or false.
 */
(function () {
  "use strict";
  var store;

  function storage() {
    if (store === undefined) {
      try {
        var probe = "second-opinion-guide:probe";
        store = window.localStorage;
        store.setItem(probe, "1");
        store.removeItem(probe);
      } catch (error) {
        store = null;
      }
    }
    return store;
  }

  window.secondOpinionStorage = {
    available: function () {
      return storage() !== null;
    },
    getItem: function (key) {
      try {
        return storage() ? storage().getItem(key) : null;
      } catch (error) {
        return null;
      }
    },
    setItem: function (key, value) {
      try {
        if (!storage()) return false;
        storage().setItem(key, value);
        return true;
      } catch (error) {
        return false;
      }
    },
    removeItem: function (key) {
      try {
        if (!storage()) return false;
        storage().removeItem(key);
        return true;
      } catch (error) {
        return false;
      }
    }
  };
})();

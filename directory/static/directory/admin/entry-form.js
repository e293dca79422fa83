/**
 * Directory entry form (Wagtail admin): three Stimulus controllers registered
 * on Wagtail's own Stimulus application (window.wagtail.app), so that they
 * also start in mobile-stop forms added later by the inline panel.
 *
 * - directory-map-picker: "Show on the map" loads Leaflet tiles (only then),
 *   a click or a drag of the pin (or the arrow keys on the focused map)
 *   writes the latitude and longitude inputs, which stay editable; an
 *   optional address search reads the French national address API
 *   (GeoJSON features) or Nominatim (a JSON list) responses.
 * - directory-hours: shows the rows or the advanced text field, and asks the
 *   admin preview endpoint for the OpenStreetMap string, its summary in
 *   words and whether the place is open now, as the editor types.
 * - directory-languages: a search box filtering the language checkboxes.
 *
 * Everything works without this file: the inputs are plain HTML.
 */
(function () {
  "use strict";

  function start() {
    var Controller = window.StimulusModule && window.StimulusModule.Controller;
    var app = window.wagtail && window.wagtail.app;
    if (!Controller || !app) {
      return;
    }

    class MapPicker extends Controller {
      static targets = ["map", "showButton", "status", "search", "query", "results"];
      static values = {
        prefix: String,
        tileUrl: String,
        attribution: String,
        geocoderUrl: String,
        iconUrl: String,
        shadowUrl: String,
      };

      input(name) {
        return document.getElementById("id_" + this.prefixValue + name);
      }

      point() {
        var lat = parseFloat((this.input("latitude") || {}).value);
        var lon = parseFloat((this.input("longitude") || {}).value);
        if (isNaN(lat) || isNaN(lon)) {
          return null;
        }
        return [lat, lon];
      }

      show() {
        if (this.map || !window.L) {
          return;
        }
        var L = window.L;
        this.mapTarget.hidden = false;
        this.showButtonTarget.hidden = true;
        if (this.hasSearchTarget) {
          this.searchTarget.hidden = false;
        }
        var point = this.point();
        this.map = L.map(this.mapTarget, { keyboard: false }).setView(
          point || [50.95, 1.86],
          point ? 16 : 9
        );
        L.tileLayer(this.tileUrlValue, {
          attribution: this.attributionValue,
          maxZoom: 19,
        }).addTo(this.map);
        this.icon = L.icon({
          iconUrl: this.iconUrlValue,
          shadowUrl: this.shadowUrlValue,
          iconSize: [25, 41],
          iconAnchor: [12, 41],
        });
        if (point) {
          this.place(point, false);
        }
        this.map.on("click", (event) => this.place([event.latlng.lat, event.latlng.lng], true));
        this.mapTarget.addEventListener("keydown", (event) => this.nudge(event));
        ["latitude", "longitude"].forEach((name) => {
          var field = this.input(name);
          if (field) {
            field.addEventListener("change", () => {
              var typed = this.point();
              if (typed) {
                this.place(typed, false);
                this.map.panTo(typed);
              }
            });
          }
        });
      }

      place(point, write) {
        var L = window.L;
        if (!this.marker) {
          this.marker = L.marker(point, { draggable: true, icon: this.icon }).addTo(this.map);
          this.marker.on("dragend", () => {
            var moved = this.marker.getLatLng();
            this.write([moved.lat, moved.lng]);
          });
        } else {
          this.marker.setLatLng(point);
        }
        if (write) {
          this.write(point);
        }
      }

      write(point) {
        var lat = this.input("latitude");
        var lon = this.input("longitude");
        if (!lat || !lon) {
          return;
        }
        lat.value = point[0].toFixed(6);
        lon.value = point[1].toFixed(6);
        [lat, lon].forEach((field) => field.dispatchEvent(new Event("input", { bubbles: true })));
        this.statusTarget.textContent = lat.value + ", " + lon.value;
      }

      nudge(event) {
        var steps = { ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
        var step = steps[event.key];
        if (!step) {
          return;
        }
        event.preventDefault();
        var point = this.point() || [this.map.getCenter().lat, this.map.getCenter().lng];
        var size = 0.0001 * Math.pow(2, Math.max(0, 18 - this.map.getZoom()));
        var moved = [point[0] + step[0] * size, point[1] + step[1] * size];
        this.place(moved, true);
        this.map.panTo(moved);
      }

      geocode() {
        var query = this.queryTarget.value.trim();
        if (!query || !this.geocoderUrlValue) {
          return;
        }
        var url = new URL(this.geocoderUrlValue, window.location.href);
        url.searchParams.set("q", query);
        url.searchParams.set("limit", "5");
        if (url.hostname.indexOf("nominatim") !== -1) {
          url.searchParams.set("format", "json");
        }
        fetch(url.toString(), { headers: { Accept: "application/json" } })
          .then((response) => response.json())
          .then((data) => this.results(MapPicker.parse(data)))
          .catch(() => this.results([]));
      }

      static parse(data) {
        if (Array.isArray(data)) {
          return data.map((item) => ({
            label: item.display_name,
            lat: parseFloat(item.lat),
            lon: parseFloat(item.lon),
          }));
        }
        return ((data && data.features) || []).map((feature) => ({
          label: feature.properties.label,
          lat: feature.geometry.coordinates[1],
          lon: feature.geometry.coordinates[0],
        }));
      }

      results(items) {
        var list = this.resultsTarget;
        list.replaceChildren();
        items.forEach((item) => {
          var entry = document.createElement("li");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "button button-small button-secondary";
          button.textContent = item.label;
          button.addEventListener("click", () => {
            this.place([item.lat, item.lon], true);
            this.map.setView([item.lat, item.lon], 17);
          });
          entry.appendChild(button);
          list.appendChild(entry);
        });
        this.statusTarget.textContent = items.length ? "" : "—";
      }
    }

    class Hours extends Controller {
      static targets = ["mode", "rows", "advanced", "summary", "openNow", "value", "text"];
      static values = { name: String, previewUrl: String };

      connect() {
        this.showMode();
      }

      mode() {
        var checked = this.modeTargets.find((radio) => radio.checked);
        return checked ? checked.value : "rows";
      }

      showMode() {
        var advanced = this.mode() === "advanced";
        this.rowsTarget.hidden = advanced;
        this.advancedTarget.hidden = !advanced;
      }

      changed(event) {
        if (event && event.target && event.target.type === "radio") {
          this.showMode();
        }
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.preview(), 250);
      }

      preview() {
        var params = new URLSearchParams();
        params.set("name", this.nameValue);
        this.element.querySelectorAll("input, select").forEach((field) => {
          if (!field.name || field.disabled) {
            return;
          }
          if ((field.type === "checkbox" || field.type === "radio") && !field.checked) {
            return;
          }
          params.append(field.name, field.value);
        });
        fetch(this.previewUrlValue + "?" + params.toString(), {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        })
          .then((response) => response.json())
          .then((data) => {
            if (data.errors && data.errors.length) {
              this.summaryTarget.textContent = data.errors.join(" ");
              this.openNowTarget.textContent = "";
              return;
            }
            this.summaryTarget.textContent = data.summary;
            this.openNowTarget.textContent = data.open_now;
            this.valueTarget.textContent = data.value;
            if (this.mode() === "rows") {
              this.textTarget.value = data.value;
            }
          })
          .catch(() => {});
      }
    }

    class Languages extends Controller {
      static targets = ["search", "options", "selected"];

      connect() {
        this.searchTarget.hidden = false;
        this.element.classList.add("directory-languages--enhanced");
      }

      filter() {
        var query = this.searchTarget.value.trim().toLocaleLowerCase();
        this.optionsTarget.querySelectorAll("label").forEach((label) => {
          var box = label.querySelector("input");
          var match = !query || label.textContent.toLocaleLowerCase().indexOf(query) !== -1;
          var item = label.closest("div") && label.closest("div") !== this.optionsTarget
            ? label.closest("div")
            : label;
          item.hidden = !(match || (box && box.checked));
        });
      }

      update() {
        var names = [];
        this.optionsTarget.querySelectorAll("input:checked").forEach((box) => {
          names.push(box.closest("label").textContent.trim());
        });
        this.selectedTarget.textContent = names.length ? names.join(", ") : "";
      }
    }

    app.register("directory-map-picker", MapPicker);
    app.register("directory-hours", Hours);
    app.register("directory-languages", Languages);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

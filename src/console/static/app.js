// Daftar console: the few things a page does without a round trip. Totals are never computed here:
// they come from the server (POST /app/invoices/preview runs the same totals as a saved invoice).
(() => {
  const form = document.getElementById('invoice-form');
  if (!form) return;
  const products = document.getElementById('product-list');
  const body = form.querySelector('table.lines tbody');
  let pending;
  let searching;
  // Replies can come back out of order under load; only the newest request's reply is shown.
  let previewAsked = 0;
  let suggestAsked = 0;

  const pickProduct = (input) => {
    const option = [...products.querySelectorAll('option')].find((o) => o.value === input.value);
    const row = input.closest('tr');
    row.querySelector('input[name="product_id[]"]').value = option ? option.dataset.id : '';
    if (option) {
      const price = row.querySelector('input[name="unit_price[]"]');
      if (!price.value) price.value = option.dataset.price || '';
      const tax = row.querySelector('select[name="tax1[]"]');
      if (option.dataset.tax && !tax.value) tax.value = option.dataset.tax;
    }
  };

  const refresh = () => {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      const asked = ++previewAsked;
      const data = new URLSearchParams(new FormData(form));
      const reply = await fetch(form.dataset.preview, {
        method: 'POST',
        body: data,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      if (!reply.ok || asked !== previewAsked) return;
      const totals = await reply.json();
      if (asked !== previewAsked) return;
      for (const [name, value] of Object.entries(totals)) {
        const cell = form.querySelector(`[data-total="${name}"] bdi`);
        if (cell) cell.textContent = value;
      }
    }, 150);
  };

  // Many products: the list offers those matching what is typed (GET /app/pick/products), not them all.
  const suggestProducts = (input) => {
    if (!products.dataset.pick) return;
    clearTimeout(searching);
    searching = setTimeout(async () => {
      const asked = ++suggestAsked;
      const reply = await fetch(`${products.dataset.pick}?q=${encodeURIComponent(input.value)}`);
      if (!reply.ok || asked !== suggestAsked) return;
      const rows = await reply.json();
      if (asked !== suggestAsked) return;
      products.replaceChildren(
        ...rows.map((found) => {
          const option = document.createElement('option');
          option.value = found.label;
          option.textContent = found.detail;
          option.dataset.id = found.id;
          option.dataset.price = found.price;
          option.dataset.tax = found.tax;
          return option;
        }),
      );
      pickProduct(input);
    }, 150);
  };

  form.addEventListener('input', (event) => {
    if (event.target.matches('[data-products]')) {
      pickProduct(event.target);
      suggestProducts(event.target);
    }
    refresh();
  });
  form.addEventListener('change', refresh);
  form.addEventListener('click', (event) => {
    if (event.target.matches('[data-add-line]')) {
      const rows = body.querySelectorAll('tr');
      const copy = rows[rows.length - 1].cloneNode(true);
      const index = rows.length;
      copy.querySelectorAll('input, select, label').forEach((el) => {
        if (el.id) el.id = el.id.replace(/_\d+$/, `_${index}`);
        if (el.htmlFor) el.htmlFor = el.htmlFor.replace(/_\d+$/, `_${index}`);
        if (el.name === 'quantity[]') el.value = '1';
        else if (el.tagName === 'INPUT') el.value = '';
      });
      body.appendChild(copy);
    }
    if (event.target.matches('[data-remove-line]') && body.querySelectorAll('tr').length > 1) {
      event.target.closest('tr').remove();
      refresh();
    }
  });
  refresh();
})();
// A search box for a client, supplier or product (src/console/pick.ts): suggestions from the server as
// one types; the chosen record's id goes in the hidden input beside the box.
document.querySelectorAll('[data-pick]').forEach((input) => {
  if (!(input instanceof HTMLInputElement)) return;
  const choices = input.list;
  const target = input.closest('.pick')?.querySelector('input[type="hidden"]');
  if (!choices || !target) return;
  let searching;
  let asked = 0;
  const choose = () => {
    const option = [...choices.querySelectorAll('option')].find((o) => o.value === input.value);
    target.value = option ? option.dataset.id : '';
  };
  input.addEventListener('input', () => {
    choose();
    clearTimeout(searching);
    searching = setTimeout(async () => {
      const mine = ++asked;
      const reply = await fetch(`${input.dataset.pick}?q=${encodeURIComponent(input.value)}`);
      if (!reply.ok || mine !== asked) return;
      const rows = await reply.json();
      if (mine !== asked) return;
      choices.replaceChildren(
        ...rows.map((found) => {
          const option = document.createElement('option');
          option.value = found.label;
          option.textContent = found.detail;
          option.dataset.id = found.id;
          return option;
        }),
      );
      choose();
    }, 150);
  });
});
// Settings: the logo file is read here and sent as a data URL in the form (the API takes the bytes).
(() => {
  const file = document.querySelector('[data-logo]');
  if (!file) return;
  file.addEventListener('change', () => {
    const target = file.parentElement.querySelector('input[name="logo"]');
    const chosen = file.files?.[0];
    if (!chosen) {
      target.value = '';
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      target.value = String(reader.result);
    };
    reader.readAsDataURL(chosen);
  });
})();

import '$lib/locale-strategy';

-- A lot is its name and its expiry date: the same name with another expiry (another supplier's
-- numbering, a shipment from another depot) is another lot, so stock arriving never meets a lot
-- it cannot join. Tables are rebuilt (the same SQL on H2 and PostgreSQL) with the wider key.
create table stock_lot_v9 (
    depot_code  varchar(32) not null,
    item_code   varchar(32) not null,
    lot         varchar(64) not null,
    expires_on  date        not null,
    quantity    bigint      not null check (quantity >= 0),
    primary key (depot_code, item_code, lot, expires_on),
    foreign key (depot_code, item_code) references stock_balance (depot_code, item_code)
);
insert into stock_lot_v9 (depot_code, item_code, lot, expires_on, quantity)
    select depot_code, item_code, lot, expires_on, quantity from stock_lot;
drop table stock_lot;
alter table stock_lot_v9 rename to stock_lot;

create table shipment_lot_v9 (
    shipment_id bigint      not null references shipment (id),
    lot         varchar(64) not null,
    expires_on  date        not null,
    quantity    bigint      not null check (quantity > 0),
    primary key (shipment_id, lot, expires_on)
);
insert into shipment_lot_v9 (shipment_id, lot, expires_on, quantity)
    select shipment_id, lot, expires_on, quantity from shipment_lot;
drop table shipment_lot;
alter table shipment_lot_v9 rename to shipment_lot;
